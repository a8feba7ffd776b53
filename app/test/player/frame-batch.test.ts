// Frames leave the page in batches; the host checks every batch before it touches the encoder.
import test from 'ava';
import { batchSpan, FrameBatcher, parseBatch, type BatchEntry } from '../../src/player/drivers/frame-batch.ts';

function recorder() {
  const sent: { entries: BatchEntry[]; body: Uint8Array | undefined }[] = [];
  const batcher = new FrameBatcher(
    (entries, body) => {
      sent.push({ entries, body });
      return Promise.resolve();
    },
    { maxEntries: 3, maxBytes: 10 },
  );
  return { sent, batcher };
}

test('entries wait until a batch is full by count or by bytes, then go as one body in order', async (t) => {
  const { sent, batcher } = recorder();
  t.is(batcher.frame(0, new Uint8Array([1, 2])), undefined);
  t.is(batcher.repeat(1, 4), undefined);
  await batcher.frame(5, new Uint8Array([3]), [{ x: 0, y: 0, width: 1, height: 1 }]);
  t.is(sent.length, 1, 'three entries fill a batch');
  t.deepEqual([...sent[0]!.body!], [1, 2, 3]);
  t.deepEqual(
    sent[0]!.entries.map((e) => e.kind),
    ['frame', 'repeat', 'frame'],
  );
  await batcher.frame(6, new Uint8Array(12));
  t.is(sent.length, 2, 'a frame over the byte limit goes at once, on its own');
  t.is(sent[1]!.body!.length, 12);
  t.is(batcher.flush(), undefined, 'nothing waits');
  t.is(batcher.repeat(7, 2), undefined, 'one repeat does not fill a batch');
  await batcher.flush();
  t.is(sent[2]!.body, undefined, 'repeats alone carry no body');
});

test('the host accepts a well-formed batch and knows the frames it spans', (t) => {
  const entries = parseBatch(
    JSON.stringify([
      { kind: 'frame', index: 3, bytes: 8 },
      { kind: 'repeat', index: 4, count: 5 },
      { kind: 'frame', index: 9, bytes: 4, rects: [{ x: 1, y: 2, width: 1, height: 1 }] },
    ]),
    12,
  );
  t.deepEqual(batchSpan(entries), { first: 3, span: 7 });
});

test('malformed batches are refused with what is wrong', (t) => {
  t.throws(() => parseBatch(undefined, 0), { message: /missing x-devforge-frames/ });
  t.throws(() => parseBatch('{', 0), { message: /not JSON/ });
  t.throws(() => parseBatch('[]', 0), { message: /at least one entry/ });
  t.throws(() => parseBatch(JSON.stringify([{ kind: 'frame', index: 0, bytes: 8 }]), 7), { message: /lists 8 bytes of pixels but carries 7/ });
  t.throws(
    () =>
      parseBatch(
        JSON.stringify([
          { kind: 'frame', index: 0, bytes: 4 },
          { kind: 'frame', index: 2, bytes: 4 },
        ]),
        8,
      ),
    { message: /out of order/ },
  );
  t.throws(() => parseBatch(JSON.stringify([{ kind: 'repeat', index: 0, count: 0 }]), 0), { message: /malformed/ });
  t.throws(() => parseBatch(JSON.stringify([{ kind: 'frame', index: 0, bytes: 4, rects: [{ x: 0.5, y: 0, width: 1, height: 1 }] }]), 4), { message: /malformed/ });
});
