import test from 'ava';
import { toWebVtt } from '../../src/render/captions.ts';

test('narration steps become WebVTT cues, sorted, clipped to the duration, markup escaped', (t) => {
  const vtt = toWebVtt(
    [
      { start: 3, duration: 9, text: 'Last <b>one</b> & done' },
      { start: 0, duration: 1.5, text: 'First' },
      { start: 11, duration: 1, text: 'After the end' },
    ],
    10,
  );
  t.is(vtt, 'WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.500\nFirst\n\n2\n00:00:03.000 --> 00:00:10.000\nLast &lt;b&gt;one&lt;/b&gt; &amp; done\n');
});
