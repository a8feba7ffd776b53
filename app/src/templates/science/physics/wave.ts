// physics.wave: a transverse wave on a string. Traveling: y = A·sin(kx − ωt), moving at v = λf.
// Standing: y = A·sin(kx)·cos(ωt), fixed nodes every λ/2 (two traveling waves of speed λf, opposite ways).
// The string's shape is sampled from the formula at each keyframe and tweened linearly between them.
import { z } from 'zod';
import type { ParsedText } from '../../../text/parse.ts';
import { defineTemplate, type Composition } from '../../types.ts';
import { TimelineBuilder } from '../../timeline-builder.ts';
import { readouts, texUnit, withUnit } from './format.ts';
import { limited, put, type Limit } from './limits.ts';
import { FREQUENCY_UNITS, LENGTH_UNITS, NUM, SPEED_UNITS, allQuantities, namedQuantity, parseNum, quantityIn } from './quantities.ts';
import { Plane, choosePlayback, keyframeTweens, niceStep, times, type SceneObjectInput } from './stage.ts';

const AMPLITUDE: Limit = { name: 'amplitude', unit: 'm', min: 0, max: 1e6, why: 'an amplitude is positive', exclusiveMin: true };
const WAVELENGTH: Limit = { name: 'wavelength', unit: 'm', min: 0, max: 1e9, why: 'a wavelength is positive', exclusiveMin: true };
const FREQUENCY: Limit = { name: 'frequency', unit: 'Hz', min: 0, max: 1e12, why: 'a frequency is positive', exclusiveMin: true };

const params = z.object({
  amplitude_m: z.number().gt(0).max(AMPLITUDE.max).default(1),
  wavelength_m: z.number().gt(0).max(WAVELENGTH.max).default(2),
  frequency_hz: z.number().gt(0).max(FREQUENCY.max).default(1),
  kind: z.enum(['traveling', 'standing']).default('traveling'),
});
export type WaveParams = z.infer<typeof params>;

export function waveShape({ amplitude_m: A, wavelength_m: lambda, frequency_hz: f, kind }: WaveParams): (x: number, t: number) => number {
  const k = (2 * Math.PI) / lambda;
  const w = 2 * Math.PI * f;
  return kind === 'standing' ? (x, t) => A * Math.sin(k * x) * Math.cos(w * t) : (x, t) => A * Math.sin(k * x - w * t);
}

/** "λ = 2 m", "lambda 2", "A = 0.5": Greek letters and capitals count only as symbols before "=". */
function symbol(text: string, letters: string, flags = 'u'): number | undefined {
  const m = new RegExp(String.raw`(?<![\p{L}])(?:${letters})\s*=\s*(${NUM})`, flags).exec(text);
  return m ? parseNum(m[1]!) : undefined;
}

/** A length written before its name: "a 2 m wavelength", "0.5 m amplitude". */
function lengthBefore(text: string, name: RegExp): number | undefined {
  return allQuantities(text, LENGTH_UNITS).find((q) => name.test(text.slice(q.end, q.end + 16)))?.value;
}

function extract(text: ParsedText, warnings: string[]): Partial<WaveParams> {
  const o = text.original;
  const out: Partial<WaveParams> = {};
  const lambda = symbol(o, 'λ|lambda', 'iu') ?? namedQuantity(o, ['wavelength', 'wave length'], LENGTH_UNITS) ?? lengthBefore(o, /^\s*(wave ?length|λ)/i);
  const f = symbol(o, 'f|ν') ?? namedQuantity(o, ['frequency'], FREQUENCY_UNITS) ?? quantityIn(o, FREQUENCY_UNITS);
  // The amplitude by name, or else a length that is not the wavelength ("a 0.5 m high wave").
  const A =
    symbol(o, 'A|y0|y₀') ??
    namedQuantity(o, ['amplitude'], LENGTH_UNITS) ??
    lengthBefore(o, /^\s*(amplitude|high|tall)/i) ??
    allQuantities(o, LENGTH_UNITS)
      .map((q) => q.value)
      .find((v) => v !== lambda);
  put(out, 'wavelength_m', limited(lambda, WAVELENGTH, warnings));
  put(out, 'frequency_hz', limited(f, FREQUENCY, warnings));
  put(out, 'amplitude_m', limited(A, AMPLITUDE, warnings));
  // A wave speed with one of λ or f gives the other (v = λf).
  const v = namedQuantity(o, ['wave speed', 'speed', 'velocity', 'v'], SPEED_UNITS) ?? quantityIn(o, SPEED_UNITS);
  if (v !== undefined && v > 0) {
    if (out.wavelength_m !== undefined && out.frequency_hz === undefined) put(out, 'frequency_hz', limited(v / out.wavelength_m, FREQUENCY, warnings));
    else if (out.frequency_hz !== undefined && out.wavelength_m === undefined) put(out, 'wavelength_m', limited(v / out.frequency_hz, WAVELENGTH, warnings));
  }
  const n = text.normalized;
  if (/\b(standing|stationary)\b/.test(n)) out.kind = 'standing';
  else if (/\b(travell?ing|progressive|moving|propagating|running)\b/.test(n)) out.kind = 'traveling';
  for (const w of ['wave', 'standing', 'traveling', 'travelling', 'wavelength', 'frequency']) if (n.includes(w)) text.used.add(w);
  return out;
}

export const wave = defineTemplate<WaveParams>({
  id: 'physics.wave',
  // Not "Wave on a string": title words join typo correction, and "string" would swallow "starting".
  title: 'Wave motion',
  category: 'physics',
  style: 'scientific',
  example: 'standing wave',
  params,
  // No "standing"/"traveling": typo correction would turn "branding", "starting" and "trailing" into them.
  vocabulary: ['wavelength', 'frequency', 'amplitude', 'transverse'],
  triggers: [
    { pattern: /\b(standing|stationary|travell?ing|transverse|progressive|propagating|moving|mechanical) waves?\b/, score: 0.95 },
    { pattern: /\bwaves?\b.*\b(wavelength|frequency|hz|λ|amplitude)\b|\b(wavelength|frequency|λ)\b.*\bwaves?\b/, score: 0.85 },
    { pattern: /\bwaves? (on|along) a (string|rope|spring|slinky)\b/, score: 0.9 },
    { pattern: /\b(nodes and antinodes|wave speed|wave equation|v = λf|harmonics on a string)\b/, score: 0.85 },
    // Square, sawtooth and triangle waves are Fourier series; "sine wave" alone is a function plot.
    // "a wave of layoffs" and "heat wave" are not waves on a string.
    { pattern: /^(?!.*\b(square|sawtooth|triangle|triangular|fourier|sine|cosine|sin|cos|heat|new|first|second|next|layoffs?)\b)(?!.*\bwaves? of\b).*\bwaves?\b/, score: 0.4 },
  ],
  extract,
  facts(p) {
    return {
      speed_mps: p.wavelength_m * p.frequency_hz,
      period_s: 1 / p.frequency_hz,
      wave_number_rad_per_m: (2 * Math.PI) / p.wavelength_m,
      angular_frequency_rad_per_s: 2 * Math.PI * p.frequency_hz,
    };
  },
  compose(p) {
    return composeWave(p);
  },
});

function composeWave(p: WaveParams): Composition {
  const { amplitude_m: A, wavelength_m: lambda, frequency_hz: f, kind } = p;
  const y = waveShape(p);
  const v = lambda * f;
  const standing = kind === 'standing';
  const T = 1 / f;
  const periods = 4;
  // Show a few periods in 6–9 s: sound and light are slowed down a great deal, and say so.
  const playback = choosePlayback(periods * T, 6, 9);
  const span = 2.5 * lambda;
  const plane = new Plane({ left: -7.0, right: 6.6, bottom: -1.9, top: 2.0 }, [0, span], [-1.4 * A, 1.4 * A], { independent: true });
  const xs = times(0, span, 100);
  const shape = (t: number) => xs.map((x) => [x, y(x, t)] as [number, number]);
  const tl = new TimelineBuilder();
  const nodes = standing ? times(0, span, 5).filter((x) => x <= span + 1e-9) : [];
  // A marker riding one crest (traveling) and a piece of string that only moves up and down.
  const crestX0 = lambda / 4;
  const probeX = 1.25 * lambda;
  // One precision for the clock's readings, fixed by the largest, so the figures hold still as they run.
  const clock = readouts({ time: periods * T });
  const clockText = (t: number) => `t = ${clock.format(t, { unit: 's', kind: 'time' })}`;
  const objects: SceneObjectInput[] = [
    { id: 'title', type: 'text', text: standing ? 'Standing wave' : 'Traveling wave', x: 0, y: 3.95, size: 0.55, weight: 700, color: '$foreground' },
    { id: 'givens', type: 'text', text: `A = ${withUnit(A, 'm')} · λ = ${withUnit(lambda, 'm')} · f = ${withUnit(f, 'Hz')}`, x: 0, y: 3.3, size: 0.32, color: '$muted' },
    plane.axes('axes', { xLabel: 'x (m)', yLabel: 'y (m)', xStep: niceStep(span, 6), yStep: niceStep(2.8 * A, 4) }),
    { id: 'string', type: 'plot', axes: 'axes', points: shape(0), color: '$secondary', width: 0.06 },
    {
      id: 'lambda-bar',
      type: 'line',
      points: standing ? [plane.at(0, -1.25 * A), plane.at(lambda, -1.25 * A)] : [plane.at(crestX0, 1.2 * A), plane.at(crestX0 + lambda, 1.2 * A)],
      color: '$highlight',
      width: 0.04,
      arrow: 'both',
    },
    {
      id: 'lambda-label',
      type: 'text',
      text: `λ = ${withUnit(lambda, 'm')}`,
      x: plane.x((standing ? 0 : crestX0) + lambda / 2),
      y: plane.y(standing ? -1.25 * A : 1.2 * A) + (standing ? -0.3 : 0.3),
      size: 0.3,
      color: '$highlight',
    },
    ...(standing
      ? nodes.map((x, i) => ({ id: `node${i}`, type: 'circle' as const, x: plane.x(x), y: plane.y(0), radius: 0.1, fill: '$danger' }))
      : ([
          { id: 'crest', type: 'circle', x: plane.x(crestX0), y: plane.y(A), radius: 0.13, fill: '$highlight' },
          { id: 'probe', type: 'circle', x: plane.x(probeX), y: plane.y(y(probeX, 0)), radius: 0.12, fill: '$accent' },
        ] as SceneObjectInput[])),
    ...(standing ? ([{ id: 'node-label', type: 'text', text: 'red dots: nodes, λ/2 apart, never move', x: plane.x(1.3 * lambda), y: plane.y(-1.25 * A) - 0.3, size: 0.28, align: 'left', color: '$danger' }] as SceneObjectInput[]) : []),
    { id: 'clock', type: 'text', text: clockText(0), x: -7.0, y: 2.55, size: 0.32, align: 'left', color: '$foreground' },
    {
      id: 'f-y',
      type: 'math',
      latex: standing ? 'y = A\\sin(kx)\\cos(\\omega t)' : 'y = A\\sin(kx - \\omega t)',
      x: -3.6,
      y: -2.85,
      size: 0.36,
      color: '$secondary',
    },
    { id: 'f-v', type: 'math', latex: `v = \\lambda f = ${texUnit(v, 'm/s')}`, x: 3.4, y: -2.85, size: 0.36, color: '$highlight' },
    { id: 'note', type: 'text', text: `T = 1/f = ${withUnit(T, 's')} · ${playback.label}`, x: 0, y: -3.85, size: 0.28, color: '$muted' },
  ];

  tl.narrate(
    standing
      ? `A standing wave: amplitude ${withUnit(A, 'm')}, wavelength ${withUnit(lambda, 'm')}, frequency ${withUnit(f, 'Hz')}.`
      : `A wave on a string: amplitude ${withUnit(A, 'm')}, wavelength ${withUnit(lambda, 'm')}, frequency ${withUnit(f, 'Hz')}.`,
    2.2,
    ['string'],
  );
  tl.appear('title', 0.5).appear('givens', 0.5).appear('axes', 0.8, 'draw');
  tl.appear('string', 1, 'draw', tl.t + 0.5).appear('clock', 0.4, 'fade', tl.t + 0.5);
  tl.appear('lambda-bar', 0.5, 'draw', tl.t + 1.3)
    .appear('lambda-label', 0.4, 'fade', tl.t + 1.3)
    .appear('f-y', 0.5, 'fade', tl.t + 1.5);
  tl.wait(2.2);
  // The motion starts once the caption before it has been read (the builder's hold).
  const t0 = tl.hold().t;
  const duration = periods * T;
  // 20 shapes per period: linear blending between them loses under 2.5% of the amplitude mid-way.
  const perPeriod = 20;
  const sampleTimes = times(0, duration, periods * perPeriod);
  const at = (t: number) => t0 + t * playback.factor;
  tl.entries.push(
    ...keyframeTweens(
      'string',
      sampleTimes.map((t) => ({ at: at(t), values: { points: shape(t) } })),
    ),
  );
  for (const t of sampleTimes.filter((_, i) => i % 2 === 0)) tl.setText('clock', clockText(t), at(t));
  if (standing) {
    nodes.forEach((_, i) => tl.appear(`node${i}`, 0.3, 'grow', t0 + 0.2 * i));
    tl.appear('node-label', 0.4, 'fade', t0 + 1);
    tl.narrate(
      'Two equal waves running opposite ways add up: some points (nodes) never move, others swing fully.',
      duration * playback.factor * 0.45,
      nodes.map((_, i) => `node${i}`),
    );
    tl.t = t0 + duration * playback.factor * 0.45;
    tl.narrate(`Nodes are λ/2 = ${withUnit(lambda / 2, 'm')} apart; each loop flips up and down once per period (${withUnit(T, 's')}).`, duration * playback.factor * 0.55, ['lambda-bar', 'lambda-label']);
  } else {
    // The crest moves one wavelength per period (v = λf); each period it jumps back one λ to stay on screen.
    const crest: { at: number; values: { x: number } }[] = [];
    sampleTimes.forEach((t, i) => {
      const u = (v * t) / lambda;
      const turns = Math.floor(u + 1e-9);
      if (i > 0 && turns > Math.floor((v * sampleTimes[i - 1]!) / lambda + 1e-9)) crest.push({ at: at(t) - 1e-3, values: { x: plane.x(crestX0 + lambda) } });
      crest.push({ at: at(t), values: { x: plane.x(crestX0 + (u - turns) * lambda) } });
    });
    tl.entries.push(...keyframeTweens('crest', crest));
    tl.entries.push(
      ...keyframeTweens(
        'probe',
        sampleTimes.map((t) => ({ at: at(t), values: { y: plane.y(y(probeX, t)) } })),
      ),
    );
    tl.appear('crest', 0.3, 'grow', t0).appear('probe', 0.3, 'grow', t0);
    tl.narrate(`The yellow crest moves right one wavelength every period: v = λ/T = λf = ${withUnit(v, 'm/s')}.`, duration * playback.factor * 0.5, ['crest']);
    tl.t = t0 + duration * playback.factor * 0.5;
    tl.narrate('The pink point of the string only moves up and down: the wave carries energy, not the string, along.', duration * playback.factor * 0.5, ['probe']);
  }
  tl.t = t0 + duration * playback.factor;
  tl.appear('f-v', 0.5).appear('note', 0.5);
  tl.narrate(`Wave speed v = λf = ${withUnit(lambda, 'm')} × ${withUnit(f, 'Hz')} = ${withUnit(v, 'm/s')}.`, 3, ['f-v']);
  // Keep the wave moving while the summary shows.
  const tail = times(duration, duration + 3 / playback.factor, Math.ceil((perPeriod * (3 / playback.factor)) / T));
  tl.entries.push(
    ...keyframeTweens(
      'string',
      [duration, ...tail.slice(1)].map((t) => ({ at: at(t), values: { points: shape(t) } })),
    ),
  );
  tl.add({ type: 'highlight', target: 'f-v', at: tl.t + 0.6, duration: 0.8 });
  tl.wait(3);
  tl.finish(tl.t);
  return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: standing ? 'Standing wave' : 'Traveling wave' };
}
