// The render-cost rule (domain/admission/render-cost.ts) on its own, for any shape and any limits: what it
// accepts fits both caps by its own estimate, what it refuses does not, and every remedy a refusal suggests
// is accepted when applied on its own.
import test from 'ava';
import fc from 'fast-check';
import { DomainError } from '../../src/platform/domain/errors.ts';
import { admitRenderCost, estimateRender, type RenderShape } from '../../src/platform/domain/admission/render-cost.ts';
import { FRAME_RATES, RESOLUTION_NAMES } from '../../src/render/presets.ts';
import { testConfig } from './helpers/server.ts';

const shapes = fc.record({ quality: fc.constantFrom(...RESOLUTION_NAMES), fps: fc.constantFrom(...FRAME_RATES), durationS: fc.integer({ min: 1, max: 3600 }) });
const limits = fc.record({ maxRenderMinutes: fc.integer({ min: 1, max: 240 }), msPerMegapixel: fc.integer({ min: 5, max: 400 }), maxFrames: fc.integer({ min: 100, max: 100_000 }) });

function configFor(l: { maxRenderMinutes: number; msPerMegapixel: number; maxFrames: number }) {
  return testConfig({ worker: { maxRenderMinutes: l.maxRenderMinutes }, limits: { renderMsPerMegapixel: l.msPerMegapixel, maxFramesPerRender: l.maxFrames } });
}

function refusal(config: ReturnType<typeof configFor>, shape: RenderShape): DomainError | undefined {
  try {
    admitRenderCost(config, shape);
    return undefined;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
}

test('accepted renders fit both caps; refused ones do not, and each suggested remedy is accepted', (t) => {
  fc.assert(
    fc.property(shapes, limits, (shape, l) => {
      const config = configFor(l);
      const { frames, minutes } = estimateRender(config, shape);
      const fits = frames <= l.maxFrames && minutes <= l.maxRenderMinutes;
      const err = refusal(config, shape);
      if (fits) return err === undefined;
      if (err?.code !== 'render-too-long') return false;
      const longest = err.data.longest_duration_s as number;
      const detail = err.message;
      if (longest >= 1 && (!detail.includes(`duration to at most ${longest} s`) || refusal(config, { ...shape, durationS: longest }))) return false;
      const fps = /fps to (\d+)/.exec(detail);
      if (fps && refusal(config, { ...shape, fps: Number(fps[1]) })) return false;
      const quality = /quality to (\w+)/.exec(detail);
      if (quality && refusal(config, { ...shape, quality: quality[1] as RenderShape['quality'] })) return false;
      return true;
    }),
    { numRuns: 2000 },
  );
  t.pass();
});

test('at the defaults: 720p fits the 10 minutes render.maxDurationS allows at 30 fps; 4K at 60 fps for 600 s does not', (t) => {
  const config = testConfig();
  t.is(refusal(config, { quality: '720p', fps: 30, durationS: 600 }), undefined);
  const big = refusal(config, { quality: '4k', fps: 60, durationS: 600 });
  t.is(big?.code, 'render-too-long');
  t.regex(big!.message, /36000 frames \(600 s at 60 fps, 4k\) is more than the 18000 frames/);
  const long = refusal(config, { quality: '1080p', fps: 30, durationS: 600 });
  t.regex(long!.message, /estimated to take \d+ minutes.*lower the duration to at most \d+ s, or the quality to 720p/);
});
