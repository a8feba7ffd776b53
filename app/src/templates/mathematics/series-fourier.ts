// series.fourier: a square, sawtooth or triangle wave rebuilt from sines. Each partial sum adds the
// next harmonic b_k sin(kx) (shown faintly), the curve morphs closer to the target, and the amplitudes
// appear as a spectrum. Coefficients come from integrating the wave against sin(kx), not from a table.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { ScenePrecision, numberTex, subscript } from '../format/index.ts';
import { axesObject, fitMathSize, texNumber, toWorld, type Chart } from './chart.ts';
import type { P2 } from './shapes.ts';

type SceneObject = Composition['objects'][number];

export const WAVES = ['square', 'sawtooth', 'triangle'] as const;
export type Wave = (typeof WAVES)[number];
export const MAX_TERMS = 50;

const params = z.object({
  wave: z.enum(WAVES).default('square'),
  terms: z.number().int().min(1).max(MAX_TERMS).default(5),
});
type FourierParams = z.infer<typeof params>;

/** One period on (−π, π], amplitude 1. */
export function waveValue(wave: Wave, x: number): number {
  const t = x - 2 * Math.PI * Math.floor((x + Math.PI) / (2 * Math.PI));
  switch (wave) {
    case 'square':
      return t === 0 || Math.abs(t) === Math.PI ? 0 : Math.sign(t);
    case 'sawtooth':
      return Math.abs(t) === Math.PI ? 0 : t / Math.PI;
    case 'triangle':
      return Math.abs(t) <= Math.PI / 2 ? (2 * t) / Math.PI : Math.sign(t) * (2 - (2 * Math.abs(t)) / Math.PI);
  }
}

/** b_k = (1/π) ∫_{−π}^{π} f(x) sin(kx) dx by composite Simpson on a fine grid (the waves are odd: a_k = 0). */
export function sineCoefficient(wave: Wave, k: number): number {
  // About 60 samples per period of sin(kx) keeps Simpson's error far below what is shown.
  // A multiple of 8 puts the waves' corners and jumps (0, ±π/2, ±π) on the ends of Simpson panels,
  // so each panel integrates a smooth piece.
  const n = 8 * Math.ceil(Math.max(2000, 60 * k) / 8);
  const h = (2 * Math.PI) / n;
  let s = 0;
  for (let i = 0; i <= n; i++) {
    const x = -Math.PI + i * h;
    const w = i === 0 || i === n ? 1 : i % 2 ? 4 : 2;
    s += w * waveValue(wave, x) * Math.sin(k * x);
  }
  const b = (s * h) / 3 / Math.PI;
  return Math.abs(b) < 1e-9 ? 0 : b;
}

/** The first `terms` harmonics with a non-zero coefficient, found by computing b_1, b_2, … in turn. */
export function fourierCoefficients(wave: Wave, terms: number): { harmonics: number[]; coefficients: number[] } {
  const harmonics: number[] = [];
  const coefficients: number[] = [];
  for (let k = 1; harmonics.length < terms && k <= 4 * terms + 4; k++) {
    const b = sineCoefficient(wave, k);
    if (b !== 0) {
      harmonics.push(k);
      coefficients.push(b);
    }
  }
  return { harmonics, coefficients };
}

const FORMULAS: Record<Wave, string> = {
  square: 'b_k = \\frac{4}{k\\pi}\\ (k\\text{ odd})',
  sawtooth: 'b_k = \\frac{2(-1)^{k+1}}{k\\pi}',
  triangle: 'b_k = \\frac{8(-1)^{(k-1)/2}}{k^2\\pi^2}\\ (k\\text{ odd})',
};

export const seriesFourier = defineTemplate<FourierParams>({
  id: 'series.fourier',
  title: 'Fourier series',
  category: 'mathematics',
  style: 'mathematical',
  example: 'Fourier series of a square wave with 7 terms',
  params,
  vocabulary: ['fourier', 'series', 'harmonics', 'square', 'sawtooth', 'triangle', 'wave'],
  triggers: [
    { pattern: /\bfourier\b/, score: 0.95 },
    { pattern: /\b(?:square|sawtooth|saw tooth|triangle|triangular) waves?\b.*\b(?:sines?|harmonics?|terms?|series|sum|build|approximat\w*)\b|\b(?:sines?|harmonics?)\b.*\b(?:square|sawtooth|triangle|triangular) waves?\b/, score: 0.85 },
    { pattern: /\bgibbs\b/, score: 0.85 },
    { pattern: /\b(?:square|sawtooth|saw tooth|triangle|triangular) waves?\b/, score: 0.6 },
    { pattern: /\bharmonics?\b.*\b(?:add|sum|series)\b/, score: 0.6 },
  ],
  extract(text, warnings) {
    const out: Partial<FourierParams> = {};
    const n = text.normalized;
    if (/\bsaw ?tooth\b|\bramp\b/.test(n)) out.wave = 'sawtooth';
    else if (/\btriang/.test(n)) out.wave = 'triangle';
    else if (/\bsquare\b/.test(n)) out.wave = 'square';
    const m = /(\d+(?:\.\d+)?)\s*(?:terms?|harmonics?|partial sums?|sines?|components?)\b/i.exec(text.original) ?? /\b(?:n|terms?)\s*(?:=|:)\s*(\d+(?:\.\d+)?)/i.exec(text.original);
    if (m) {
      const terms = Number(m[1]);
      if (!Number.isInteger(terms) || terms < 1) warnings.push(`${m[1]} terms is not a whole positive number; using 5`);
      else if (terms > MAX_TERMS) {
        warnings.push(`${terms} terms are more than can be shown one by one; using ${MAX_TERMS}`);
        out.terms = MAX_TERMS;
      } else out.terms = terms;
    }
    for (const w of ['fourier', 'square', 'sawtooth', 'triangle']) if (n.includes(w)) text.used.add(w);
    return out;
  },
  facts({ wave, terms }) {
    return fourierCoefficients(wave, terms);
  },
  compose({ wave, terms }) {
    const { harmonics, coefficients } = fourierCoefficients(wave, terms);
    const xRange: P2 = [-2 * Math.PI, 2 * Math.PI];
    const chart: Chart = { id: 'axes', x: 0, y: 0.95, width: 14.6, height: 4.3, xRange, yRange: [-1.5, 1.5] };
    // Enough samples for about a dozen per period of the highest harmonic (two periods are shown).
    const SAMPLES = Math.max(480, Math.min(1600, 24 * harmonics[harmonics.length - 1]!));
    const showHarmonic = terms <= 20;
    const xs = Array.from({ length: SAMPLES + 1 }, (_, i) => xRange[0] + ((xRange[1] - xRange[0]) * i) / SAMPLES);
    const partial = (upTo: number): P2[] => xs.map((x) => [x, harmonics.slice(0, upTo).reduce((s, k, i) => s + coefficients[i]! * Math.sin(k * x), 0)]);
    const clip = (pts: P2[]): P2[] => pts.map(([x, y]) => [x, Math.max(-1.5, Math.min(1.5, y))]);
    // The target as a world-space dashed line (jumps drawn as vertical edges, as the ideal wave has them).
    const target: P2[] = [];
    for (const x of xs) target.push(toWorld(chart, [x, waveValue(wave, x)]));
    if (wave !== 'triangle') {
      // Insert the vertical edges at the jumps, where the samples skip across.
      for (let i = target.length - 1; i > 0; i--) if (Math.abs(target[i]![1] - target[i - 1]![1]) > 0.5) target.splice(i, 0, [target[i]![0], target[i - 1]![1]]);
    }
    const objects: SceneObject[] = [
      { id: 'title', type: 'text', text: `Building a ${wave} wave from sine waves`, x: 0, y: 4.0, size: 0.5, weight: 700, color: '$foreground' },
      axesObject(chart, { xLabel: 'x', yStep: 1 }),
      { id: 'target', type: 'line', points: target, color: '$muted', width: 0.035, dash: [0.14, 0.1] },
      { id: 'harmonic', type: 'plot', axes: 'axes', points: clip(partial(1)), color: '$accent', width: 0.03, opacity: 0.7 },
      { id: 'sum', type: 'plot', axes: 'axes', points: clip(partial(1)), color: '$primary', width: 0.065 },
      { id: 'count', type: 'text', text: '', x: -7.2, y: 3.35, size: 0.34, color: '$primary', align: 'left' },
      { id: 'rule', type: 'math', latex: FORMULAS[wave], x: 4.9, y: 3.35, size: 0.36, color: '$foreground' },
    ];
    // The spectrum: one bar per harmonic, height |b_k|, under the chart.
    const barArea = { left: -7.0, right: 1.2, base: -4.25, height: 1.45 };
    const maxB = Math.max(...coefficients.map(Math.abs));
    const pitch = (barArea.right - barArea.left) / Math.max(terms, 1);
    // One precision for every coefficient, set by the largest (b₁), so b₃ = 0.42 and b₁₃ = 0.10 line up.
    const numbers = new ScenePrecision().fix('coefficient', coefficients);
    const coefficient = (b: number) => numbers.number(b, 'coefficient');
    harmonics.forEach((k, i) => {
      const b = coefficients[i]!;
      objects.push({
        id: `bar${i}`,
        type: 'bar',
        x: barArea.left + pitch * (i + 0.5),
        y: barArea.base,
        width: pitch * 0.7,
        height: (Math.abs(b) / maxB) * barArea.height,
        fill: b >= 0 ? '$primary' : '$secondary',
        ...(terms <= 12 ? { label: `${k}` } : {}),
      });
    });
    objects.push(
      { id: 'spectrum_title', type: 'text', text: 'size of each harmonic', x: barArea.left, y: barArea.base + barArea.height + 0.75, size: 0.3, color: '$muted', align: 'left' },
      { id: 'term_info', type: 'math', latex: '\\;', x: 4.9, y: -2.25, size: 0.42, color: '$accent' },
      { id: 'series', type: 'math', latex: '\\;', x: 4.9, y: -3.4, size: 0.34, color: '$primary' },
    );
    let seriesSize = 0.34;
    const tl = new TimelineBuilder();
    tl.narrate(`A ${wave} wave (dashed) is odd, so its Fourier series has only sine terms b_k sin(kx).`, 2.6, ['target']);
    tl.appear('title', 0.5).appear('axes', 1, 'draw').appear('target', 1.2, 'draw').appear('rule', 0.6).appear('spectrum_title', 0.5).wait(2.6);
    const perTerm = Math.max(0.9, Math.min(2.4, 16 / terms));
    // The partial sum with the first coefficient factored out: the ratios b_1 / b_k come out as whole
    // numbers (k or k²), which reads far better than a row of decimals.
    const b1 = coefficients[0]!;
    const seriesTex = (upTo: number) => {
      const term = (i: number) => {
        const k = harmonics[i]!;
        const ratio = coefficients[i]! / b1;
        const d = Math.round(1 / Math.abs(ratio));
        const sinK = `\\sin ${k === 1 ? '' : k}x`;
        const body = Math.abs(Math.abs(ratio) * d - 1) < 1e-3 && d !== 1 ? `\\frac{${sinK}}{${d}}` : Math.abs(Math.abs(ratio) - 1) < 1e-3 ? sinK : `${texNumber(Math.abs(ratio), 3)}${sinK}`;
        return { sign: ratio < 0 ? '-' : '+', body };
      };
      const idx = Array.from({ length: upTo }, (_, i) => i);
      const shown = idx.length > 3 ? [0, 1, -1, upTo - 1] : idx;
      const parts = shown.map((i, n) => (i === -1 ? ' + \\cdots' : n === 0 ? term(i).body : ` ${term(i).sign} ${term(i).body}`));
      return `S_{${upTo}}(x) = ${texNumber(b1)}\\left(${parts.join('')}\\right)`;
    };
    harmonics.forEach((k, i) => {
      const b = coefficients[i]!;
      const harmonicPts = showHarmonic ? clip(xs.map((x) => [x, b * Math.sin(k * x)] as P2)) : [];
      tl.setText('count', `${i + 1} term${i ? 's' : ''}  (up to k = ${k})`);
      tl.add({ type: 'set', target: 'term_info', at: tl.t, property: 'latex', value: `b_{${k}} = ${numberTex(coefficient(b))}` });
      tl.add({ type: 'set', target: 'series', at: tl.t, property: 'latex', value: seriesTex(i + 1) });
      seriesSize = Math.min(seriesSize, fitMathSize(seriesTex(i + 1), 5.7, 0.34));
      if (i === 0) {
        tl.narrate(`Start with the first harmonic: ${coefficient(b)}·sin x.`, perTerm + 0.6, ['harmonic', 'bar0']);
        tl.appear('harmonic', 0.6, 'draw')
          .appear('sum', 0.9, 'draw', tl.t + 0.2)
          .appear('count', 0.3)
          .appear('term_info', 0.3)
          .appear('series', 0.3);
        tl.appear(`bar${i}`, 0.4, 'grow').wait(perTerm + 0.6);
      } else {
        if (i < 4 || i === harmonics.length - 1) tl.narrate(`Add b${subscript(String(k))} sin(${k}x) with b${subscript(String(k))} = ${coefficient(b)}: the sum hugs the ${wave} wave more closely.`, perTerm, ['sum', `bar${i}`]);
        if (showHarmonic) tl.add({ type: 'morph', target: 'harmonic', start: tl.t, duration: perTerm * 0.35, points: harmonicPts });
        tl.add({ type: 'morph', target: 'sum', start: tl.t + perTerm * 0.3, duration: perTerm * 0.55, points: clip(partial(i + 1)) });
        tl.appear(`bar${i}`, 0.4, 'grow', tl.t + perTerm * 0.3).wait(perTerm);
      }
    });
    tl.add({ type: 'disappear', target: 'harmonic', at: tl.t, duration: 0.4 });
    // One size for every version of the partial sum, the smallest any of them needs.
    (objects.find((o) => o.id === 'series') as { size: number }).size = seriesSize;
    const overshoot = wave === 'triangle' ? '' : ' Near the jumps it overshoots by about 9% however many terms are added (the Gibbs phenomenon).';
    tl.narrate(`${terms} terms: the amplitudes shrink like ${wave === 'triangle' ? '1/k²' : '1/k'}, so each new sine refines the shape less.${overshoot}`, 4, ['sum']);
    tl.wait(4);
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: `Fourier series of a ${wave} wave` };
  },
});
