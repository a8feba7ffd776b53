// Render progress as a terminal user and a log reader see it. The clock is a counter the test moves,
// so the throttling is checked without waiting and without timing anything.
import test from 'ava';
import { formatDuration, RenderProgress } from '../../src/cli/progress.ts';

function reporter(tty: boolean, columns?: number) {
  let clock = 0;
  const out: string[] = [];
  const progress = new RenderProgress({ write: (text) => out.push(text), tty, ...(columns ? { columns } : {}), now: () => clock });
  return { progress, out, at: (ms: number) => (clock = ms) };
}

test('in a log: one plain line per 10 % step, at most one every 3 s, and always the last', (t) => {
  const { progress, out, at } = reporter(false);
  // 300 frames, one every 50 ms: 15 s in all.
  for (let done = 1; done <= 300; done++) {
    at(done * 50);
    progress.update(done, 300);
  }
  progress.finish();
  t.true(out.length >= 2 && out.length <= 6, out.join(''));
  t.true(
    out.every((line) => /^rendered \d+\/300 frames \(\d+%\)(, about \d+ s left)?\n$/.test(line)),
    out.join(''),
  );
  t.is(out.at(-1), 'rendered 300/300 frames (100%)\n');
  t.regex(out[0]!, /^rendered 6\d\/300 frames \(2\d%\), about 1\d s left\n$/, 'the first line after 3 s, with the time left');
  const percents = out.map((line) => Number(/\((\d+)%\)/.exec(line)![1]));
  t.deepEqual(
    [...percents].sort((a, b) => a - b),
    percents,
    'in order',
  );
  t.is(new Set(percents.map((p) => Math.floor(p / 10))).size, percents.length, 'never two lines in one 10 % step');
});

test('in a log, a short render prints only its last line', (t) => {
  const { progress, out, at } = reporter(false);
  for (let done = 1; done <= 60; done++) {
    at(done * 20);
    progress.update(done, 60);
  }
  progress.finish();
  t.deepEqual(out, ['rendered 60/60 frames (100%)\n']);
});

test('on a terminal: one bar redrawn in place with percentage, frames and ETA, then a newline', (t) => {
  const { progress, out, at } = reporter(true);
  at(0);
  progress.update(1, 200);
  at(50);
  progress.update(2, 200); // within 100 ms of the last redraw: skipped
  at(2_000);
  progress.update(100, 200);
  at(4_000);
  progress.update(200, 200);
  progress.finish();
  t.is(out.length, 4);
  t.true(out.slice(0, 3).every((s) => s.startsWith('\r') && !s.includes('\n')));
  t.is(out[1], `\r[${'#'.repeat(12)}${'-'.repeat(12)}]  50%  100/200 frames  ETA 2 s\x1b[K`);
  t.true(out[2]!.endsWith('100%  200/200 frames\x1b[K'), out[2]);
  t.is(out[3], '\n');
});

test('the bar never wraps on a narrow terminal', (t) => {
  const { progress, out, at } = reporter(true, 30);
  at(5_000);
  progress.update(10, 100);
  t.true(out[0]!.replace('\r', '').replace('\x1b[K', '').length < 30);
});

test('durations read the way people say them', (t) => {
  t.is(formatDuration(8.4), '8 s');
  t.is(formatDuration(125), '2 min 05 s');
  t.is(formatDuration(-1), '0 s');
});
