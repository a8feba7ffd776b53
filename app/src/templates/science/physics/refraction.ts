// physics.refraction: a ray of light crossing the boundary between two media, by Snell's law
// n₁ sin θ₁ = n₂ sin θ₂, both angles measured from the normal and drawn to true shape (one scale both ways).
// Into a denser medium the ray bends towards the normal; out of one it bends away, and past the critical angle
// θc = sin⁻¹(n₂/n₁) no light gets out: it is all reflected (total internal reflection), which the scene says.
// A pulse of light runs along the ray at c/n in each medium, so the slowing that causes the bend is seen.
import { z } from 'zod';
import type { ParsedText } from '../../../text/parse.ts';
import { defineTemplate, type Composition } from '../../types.ts';
import { TimelineBuilder } from '../../timeline-builder.ts';
import { formatNumber } from '../../format/index.ts';
import { fmt, tex, withUnit } from './format.ts';
import { limited, type Limit } from './limits.ts';
import { mediaIn, OPTICAL_MEDIA, type OpticalMedium } from './optical-media.ts';
import { NUM, angleIn, parseNum } from './quantities.ts';
import { arcPoints, keyframeTweens, type SceneObjectInput } from './stage.ts';

export const SPEED_OF_LIGHT = 299_792_458; // m/s, exact by the definition of the metre

const INDEX: Limit = { name: 'refractive index', unit: '', min: 1, max: 4, why: 'no transparent medium is below vacuum (1) or above about 4 (germanium in the infrared)' };
const ANGLE: Limit = { name: 'angle of incidence', unit: '°', min: 0, max: 89, why: 'measured from the normal: 0° is straight in, 90° would skim along the boundary without crossing it' };
const DEFAULT_ANGLE = 30;

const index = z.number().min(INDEX.min).max(INDEX.max);
const params = z.object({
  medium1: z.string().trim().max(20).default('air').describe('the medium the light comes from (empty when only its index is given)'),
  n1: index.default(1).describe('refractive index of the first medium'),
  medium2: z.string().trim().max(20).default('glass').describe('the medium the light goes into (empty when only its index is given)'),
  n2: index.default(1.5).describe('refractive index of the second medium'),
  angle_deg: z.number().min(ANGLE.min).max(ANGLE.max).default(DEFAULT_ANGLE).describe('angle of incidence from the normal, in degrees'),
});
export type RefractionParams = z.infer<typeof params>;

export interface Refraction {
  /** θ₂ from the normal; null when the light cannot get out (total internal reflection). */
  refracted: number | null;
  /** sin⁻¹(n₂/n₁) when n₁ > n₂, else null (there is no critical angle going into a denser medium). */
  critical: number | null;
  /** n₁ sin θ₁ / n₂: above 1 there is no refracted ray. */
  sinRefracted: number;
  tir: boolean;
  bends: 'towards the normal' | 'away from the normal' | 'straight on';
  speed1: number;
  speed2: number;
}

const RAD = Math.PI / 180;

export function refract({ n1, n2, angle_deg }: Pick<RefractionParams, 'n1' | 'n2' | 'angle_deg'>): Refraction {
  const sin2 = (n1 * Math.sin(angle_deg * RAD)) / n2;
  const tir = sin2 > 1;
  const refracted = tir ? null : Math.asin(sin2) / RAD;
  const critical = n1 > n2 ? Math.asin(n2 / n1) / RAD : null;
  const bends = tir || angle_deg === 0 || n1 === n2 ? 'straight on' : n2 > n1 ? 'towards the normal' : 'away from the normal';
  return { refracted, critical, sinRefracted: sin2, tir, bends: tir ? 'away from the normal' : bends, speed1: SPEED_OF_LIGHT / n1, speed2: SPEED_OF_LIGHT / n2 };
}

/** "n1 = 1.33", "n₂: 1", "n_1 = 1.5": the index of medium 1 or 2 as written. */
function numberedIndex(text: string, which: 1 | 2): number | undefined {
  const sub = which === 1 ? '(?:1|₁|_1|_\\{1\\})' : '(?:2|₂|_2|_\\{2\\})';
  const m = new RegExp(String.raw`(?<![\p{L}\d])n\s*${sub}\s*(?:=|:|is|of)\s*(${NUM})`, 'iu').exec(text);
  return m ? parseNum(m[1]!) : undefined;
}

/** One index written without a number: "n = 1.6", "refractive index of 2.4", "index of refraction 1.46". */
function plainIndex(text: string): number | undefined {
  const m = new RegExp(String.raw`(?:(?<![\p{L}\d])n\s*(?:=|:)|(?:refractive index|index of refraction)(?:\s+(?:of|is|=|:))?)\s*(${NUM})`, 'iu').exec(text);
  return m ? parseNum(m[1]!) : undefined;
}

/** Just before the one medium named: the light starts in it ("out of the glass", "from inside water", "underwater"). */
const STARTS_IN = /\b(?:out of|from(?: inside)?|leav(?:es|ing)|exit(?:s|ing)?|inside|within|under)\s+(?:the\s+|a\s+|an\s+)?$/i;
const TIR = /\b(?:total(?:ly)? internal(?:ly)? reflect(?:ion|ed|s)?|critical angle|tir)\b/i;
const INCIDENCE = new RegExp(String.raw`(?:angle of incidence|incident angle|incidence angle|θ\s*(?:1|₁)|theta\s*1)\s*(?:=|:|of|is)?\s*(${NUM})`, 'iu');

interface Side {
  name: string;
  n: number;
  /** Named in the text (not inferred, like the air on the other side of "a glass block"). */
  named: boolean;
}

/** The two media, in the order the light meets them: as written, or inferred around the one named. */
function mediaOf(o: string, wantsTir: boolean): [Side, Side] | undefined {
  const media = mediaIn(o);
  const side = (m: OpticalMedium, named: boolean): Side => ({ name: m.name, n: m.index, named });
  const air = OPTICAL_MEDIA.find((m) => m.name === 'air')!;
  const glass = OPTICAL_MEDIA.find((m) => m.name === 'glass')!;
  if (media.length >= 2) return [side(media[0]!.medium, true), side(media[1]!.medium, true)];
  if (media.length === 1) {
    const only = media[0]!.medium;
    // Light that starts in the one medium named (or is trapped in it: TIR happens only on the way out) leaves into air.
    const startsIn = only.name !== 'air' && (wantsTir || STARTS_IN.test(o.slice(0, media[0]!.index)) || /\bunder\s?water\b/i.test(o));
    return startsIn ? [side(only, true), side(air, false)] : [side(air, only.name === 'air'), side(only, only.name !== 'air')];
  }
  // Total internal reflection needs light leaving a denser medium: the school case is glass into air.
  return wantsTir ? [side(glass, false), side(air, false)] : undefined;
}

function extract(text: ParsedText, warnings: string[]): Partial<RefractionParams> {
  const o = text.original;
  const out: Partial<RefractionParams> = {};
  const wantsTir = TIR.test(o);
  const sides = mediaOf(o, wantsTir) ?? [
    { name: 'air', n: 1, named: false },
    { name: 'glass', n: 1.5, named: false },
  ];
  for (const m of mediaIn(o)) text.used.add(m.medium.name);
  // Indices written as numbers win over the table; a medium given only by its index is not named after a guess.
  const i1 = limited(numberedIndex(o, 1), INDEX, warnings);
  const i2 = limited(numberedIndex(o, 2), INDEX, warnings);
  const single = i1 === undefined && i2 === undefined ? limited(plainIndex(o), INDEX, warnings) : undefined;
  const set = (s: Side, n: number) => {
    s.n = n;
    if (!s.named) s.name = '';
  };
  if (i1 !== undefined) set(sides[0], i1);
  if (i2 !== undefined) set(sides[1], i2);
  // "glass of index 1.6": the one index is the named medium's; with none named, the second medium's.
  if (single !== undefined) set(sides[0].named && !sides[1].named ? sides[0] : sides[1], single);
  if (mediaIn(o).length || i1 !== undefined || i2 !== undefined || single !== undefined || wantsTir) {
    Object.assign(out, { medium1: sides[0].name, n1: sides[0].n, medium2: sides[1].name, n2: sides[1].n });
  }
  const written = INCIDENCE.exec(o);
  const angle = written ? parseNum(written[1]!) : angleIn(o.replace(/critical angle/gi, ''));
  const a = limited(angle, ANGLE, warnings);
  if (a !== undefined) out.angle_deg = a;
  else {
    // No angle: past the critical angle when that is what was asked about, else the textbook 30°; said to be an example.
    const [n1, n2] = [sides[0].n, sides[1].n];
    const crit = n1 > n2 ? Math.asin(n2 / n1) / RAD : undefined;
    const example = wantsTir && crit !== undefined ? Math.min(85, Math.ceil((crit + 4) / 5) * 5) : DEFAULT_ANGLE;
    out.angle_deg = example;
    warnings.push(`no angle of incidence was given: showing an example angle of ${example}° from the normal`);
  }
  for (const w of ['refraction', 'refracted', 'refractive', 'snell', 'critical', 'internal', 'reflection']) if (text.normalized.includes(w)) text.used.add(w);
  return out;
}

/** A medium as the scene names it: "glass", or "medium 2" when only its index was given. */
function mediumName(name: string, which: 1 | 2): string {
  return name || `medium ${which}`;
}

/** Indices are read to two decimals in every table: 1.00, 1.33, 1.50. */
function idx(n: number): string {
  return formatNumber(n, { decimals: 2 });
}

/** Light speeds side by side keep three figures each: 3.00 × 10⁸ m/s beside 2.25 × 10⁸ m/s. */
function speed(v: number): string {
  return `${formatNumber(v, { keepZeros: true })} m/s`;
}

// Optics is not excluded from the triggers by accident: prisms, lenses, rainbows and fibres bend light at more
// than one surface (or split its colours), which one boundary does not show; they stay for the fallback.
const NOT_ONE_BOUNDARY = String.raw`^(?!.*\b(?:prisms?|lens|lenses|rainbows?|dispersion|spectrum|fib(?:re|er)s?|telescopes?|microscopes?|mirages?|eye|glasses|spectacles|sound|seismic|waves? (?:on|in) (?:a )?(?:shallow|deep)|water waves)\b)`;

/** Any medium of the table, for the trigger on a ray going into or out of one. */
const MEDIA_WORDS = OPTICAL_MEDIA.flatMap((m) => m.spellings).join('|');

export const refraction = defineTemplate<RefractionParams>({
  id: 'physics.refraction',
  title: "Refraction: Snell's law",
  category: 'physics',
  style: 'scientific',
  example: 'Refraction of light from air into water at 40 degrees',
  params,
  vocabulary: ['refraction', 'refracted', 'refractive', 'snell'],
  triggers: [
    { pattern: new RegExp(`${NOT_ONE_BOUNDARY}.*\\b(?:refract(?:ion|ed|s|ing|ive)?|snell)\\b`), score: 0.95 },
    { pattern: new RegExp(`${NOT_ONE_BOUNDARY}.*\\b(?:total internal reflection|critical angle)\\b`), score: 0.9 },
    { pattern: new RegExp(`${NOT_ONE_BOUNDARY}.*\\b(?:angle of incidence|incident angle|incidence angle)\\b.*\\b(?:air|water|glass|perspex|diamond|boundary|medium|media)\\b`), score: 0.85 },
    { pattern: new RegExp(`${NOT_ONE_BOUNDARY}.*\\b(?:light|ray|beam|laser)\\b.*\\b(?:bends?|bending|bent)\\b.*\\b(?:into|entering|enters|leaving|out of)\\b`), score: 0.8 },
    // "a ray from diamond into air", "laser beam entering water": a ray crossing into or out of a medium of the table.
    { pattern: new RegExp(`${NOT_ONE_BOUNDARY}.*\\b(?:light|rays?|beams?|laser)\\b.*\\b(?:from|into|enters?|entering|leaves|leaving|out of)\\s+(?:the |a |an )?(?:${MEDIA_WORDS})\\b.*\\b(?:into|to|\\d+ ?°|\\d+ degrees?)`), score: 0.85 },
  ],
  extract,
  facts(p) {
    const r = refract(p);
    return {
      refracted_angle_deg: r.refracted,
      critical_angle_deg: r.critical,
      total_internal_reflection: r.tir,
      bends: r.bends,
      speed1_mps: r.speed1,
      speed2_mps: r.speed2,
    };
  },
  compose(p) {
    return composeRefraction(p);
  },
});

function composeRefraction(p: RefractionParams): Composition {
  const { n1, n2, angle_deg: t1 } = p;
  const r = refract(p);
  const name1 = mediumName(p.medium1, 1);
  const name2 = mediumName(p.medium2, 2);
  const tl = new TimelineBuilder();
  const title = r.tir ? `Total internal reflection: ${name1} to ${name2} at ${withUnit(t1, '°')}` : `Refraction from ${name1} into ${name2} at ${withUnit(t1, '°')}`;
  // The boundary and the point where the ray meets it; rays are drawn `R` long, all in true shape.
  const O: [number, number] = [-2.2, -0.3];
  const R = 3.0;
  const left = -6.8;
  const right = 2.4;
  const up = 2.9;
  const down = 3.3;
  const dir = (deg: number): [number, number] => [Math.cos(deg * RAD), Math.sin(deg * RAD)];
  const from = (deg: number, len = R): [number, number] => [O[0] + dir(deg)[0] * len, O[1] + dir(deg)[1] * len];
  // Screen angles (from +x, anticlockwise): the normal is 90° up and 270° down.
  const inDeg = 90 + t1; // where the incident ray comes from
  const reflDeg = 90 - t1;
  const outDeg = r.refracted === null ? undefined : 270 + r.refracted;
  const start = from(inDeg);
  const dense = (n: number) => Math.min(0.32, 0.06 + (n - 1) * 0.22);
  const label = (deg: number, rad: number) => from(deg, rad);
  // Angle labels sit just outside their ray (away from the normal), where the narrow wedge leaves them room.
  const mid1 = label(Math.min(90 + t1 + 12, 172), 1.25);
  const objects: SceneObjectInput[] = [
    { id: 'title', type: 'text', text: title, x: 0, y: 3.95, size: 0.5, weight: 700, color: '$foreground' },
    { id: 'givens', type: 'text', text: `n₁ = ${idx(n1)} · n₂ = ${idx(n2)} · θ₁ = ${withUnit(t1, '°')} from the normal`, x: 0, y: 3.3, size: 0.32, color: '$muted' },
    { id: 'medium1', type: 'rect', x: (left + right) / 2, y: O[1] + up / 2, width: right - left, height: up, fill: '$secondary', opacity: dense(n1) },
    { id: 'medium2', type: 'rect', x: (left + right) / 2, y: O[1] - down / 2, width: right - left, height: down, fill: '$secondary', opacity: dense(n2) },
    {
      id: 'boundary',
      type: 'line',
      points: [
        [left, O[1]],
        [right, O[1]],
      ],
      color: '$foreground',
      width: 0.04,
    },
    { id: 'medium1-label', type: 'text', text: `${name1} · n₁ = ${idx(n1)}`, x: left + 0.25, y: O[1] + up - 0.35, size: 0.32, align: 'left', color: '$foreground', weight: 600 },
    { id: 'medium2-label', type: 'text', text: `${name2} · n₂ = ${idx(n2)}`, x: left + 0.25, y: O[1] - down + 0.35, size: 0.32, align: 'left', color: '$foreground', weight: 600 },
    {
      id: 'normal',
      type: 'line',
      points: [
        [O[0], O[1] + up - 0.15],
        [O[0], O[1] - down + 0.15],
      ],
      color: '$muted',
      width: 0.035,
      dash: [0.16, 0.1],
    },
    { id: 'normal-label', type: 'text', text: 'normal', x: O[0] + 0.15, y: O[1] + up - 0.35, size: 0.28, align: 'left', color: '$muted' },
    { id: 'incident', type: 'line', points: [start, O], color: '$accent', width: 0.06, arrow: 'end' },
    { id: 'arc1', type: 'line', points: arcPoints(O[0], O[1], 0.9, 90, inDeg), color: '$accent', width: 0.035 },
    { id: 'arc1-label', type: 'text', text: `θ₁ = ${withUnit(t1, '°')}`, x: mid1[0], y: mid1[1], size: 0.3, align: 'right', color: '$accent' },
    // Some light is always reflected at a boundary; all of it past the critical angle.
    { id: 'reflected', type: 'line', points: [O, from(reflDeg)], color: '$accent', width: r.tir ? 0.06 : 0.035, arrow: 'end', opacity: r.tir ? 1 : 0.35 },
    { id: 'pulse', type: 'circle', x: start[0], y: start[1], radius: 0.11, fill: '$highlight', opacity: 0 },
  ];
  if (outDeg !== undefined) {
    const mid2 = label(Math.min(270 + r.refracted! + 12, 352), 1.25);
    objects.push(
      { id: 'refracted', type: 'line', points: [O, from(outDeg)], color: '$secondary', width: 0.06, arrow: 'end' },
      { id: 'arc2', type: 'line', points: arcPoints(O[0], O[1], 0.9, 270, outDeg), color: '$secondary', width: 0.035 },
      { id: 'arc2-label', type: 'text', text: `θ₂ = ${withUnit(r.refracted!, '°')}`, x: mid2[0], y: mid2[1], size: 0.3, align: 'left', color: '$secondary' },
    );
  }
  if (r.critical !== null) {
    // The ray that would leave along the boundary: its angle of incidence is the critical angle.
    const c = r.critical;
    objects.push(
      { id: 'critical', type: 'line', points: [from(90 + c, R * 0.9), O, [O[0] + R * 0.9, O[1]]], color: '$warning', width: 0.035, dash: [0.12, 0.08] },
      { id: 'critical-label', type: 'text', text: `θc = ${withUnit(c, '°')}`, x: from(90 + c, R * 0.9)[0] - 0.1, y: from(90 + c, R * 0.9)[1], size: 0.28, align: 'right', color: '$warning' },
    );
  }
  // The working, on the right.
  const cx = 5.0;
  const s1 = tex(Number(Math.sin(t1 * RAD).toFixed(3)));
  objects.push(
    { id: 'f-law', type: 'math', latex: `n_1 \\sin\\theta_1 = n_2 \\sin\\theta_2`, x: cx, y: 2.1, size: 0.34, color: '$foreground' },
    { id: 'f-sub', type: 'math', latex: `${idx(n1)} \\times \\sin ${tex(t1)}^\\circ = ${idx(n2)} \\times \\sin\\theta_2`, x: cx, y: 1.15, size: 0.32, color: '$foreground' },
    { id: 'f-sin', type: 'math', latex: `\\sin\\theta_2 = \\frac{${idx(n1)} \\times ${s1}}{${idx(n2)}} = ${tex(r.sinRefracted)}${r.tir ? ' > 1' : ''}`, x: cx, y: 0.0, size: 0.32, color: r.tir ? '$danger' : '$foreground' },
    r.tir
      ? { id: 'f-result', type: 'text', text: 'no angle has a sine above 1: no refracted ray', x: cx, y: -1.05, size: 0.3, color: '$danger', maxWidth: 4.6 }
      : { id: 'f-result', type: 'math', latex: `\\theta_2 = ${tex(r.refracted!)}^\\circ`, x: cx, y: -1.05, size: 0.36, color: '$secondary' },
  );
  if (r.critical !== null) objects.push({ id: 'f-critical', type: 'math', latex: `\\theta_c = \\sin^{-1}\\frac{n_2}{n_1} = ${tex(r.critical)}^\\circ`, x: cx, y: -2.1, size: 0.32, color: '$warning' });
  objects.push({ id: 'speeds', type: 'text', text: `speed of light c/n: ${speed(r.speed1)} → ${speed(r.speed2)}`, x: cx, y: -3.05, size: 0.28, color: '$muted', maxWidth: 4.8 });

  const denser = n2 > n1 ? `the denser ${name2}` : `the less dense ${name2}`;
  tl.narrate(`Light goes from ${name1} (n₁ = ${idx(n1)}) into ${name2} (n₂ = ${idx(n2)}).`, 2, ['medium1-label', 'medium2-label']);
  tl.appear('title', 0.5).appear('givens', 0.5);
  tl.appear('medium1', 0.5, 'fade', tl.t + 0.2)
    .appear('medium2', 0.5, 'fade', tl.t + 0.2)
    .appear('boundary', 0.5, 'draw', tl.t + 0.3);
  tl.appear('medium1-label', 0.4, 'fade', tl.t + 0.6).appear('medium2-label', 0.4, 'fade', tl.t + 0.6);
  tl.wait(1.8);
  tl.narrate('Angles are measured from the normal, the line at right angles to the boundary.', 2, ['normal']);
  tl.appear('normal', 0.6, 'draw')
    .appear('normal-label', 0.4, 'fade', tl.t + 0.4)
    .wait(1.6);
  tl.narrate(`The ray meets the boundary at θ₁ = ${withUnit(t1, '°')} from the normal.`, 2, ['incident', 'arc1-label']);
  tl.appear('incident', 0.8, 'draw')
    .appear('arc1', 0.4, 'draw', tl.t + 0.8)
    .appear('arc1-label', 0.4, 'fade', tl.t + 0.8);
  tl.wait(2);
  tl.narrate(`Snell's law: n₁ sin θ₁ = n₂ sin θ₂, so sin θ₂ = ${idx(n1)} × sin ${withUnit(t1, '°')} ÷ ${idx(n2)} = ${fmt(r.sinRefracted)}.`, 2.4, ['f-law', 'f-sub', 'f-sin']);
  tl.appear('f-law', 0.4)
    .appear('f-sub', 0.4, 'fade', tl.t + 0.6)
    .appear('f-sin', 0.4, 'fade', tl.t + 1.2);
  tl.wait(2.4);

  // The pulse: along the incident ray at c/n₁, then on along the refracted (or reflected) one at its own speed.
  const outEnd = outDeg !== undefined ? from(outDeg) : from(reflDeg);
  const v1 = 1 / n1;
  const v2 = r.tir ? v1 : 1 / n2;
  const leg1 = 1.6; // screen seconds for the first leg; the second takes longer in proportion to the slower speed
  const leg2 = leg1 * (v1 / v2);
  const afterId = outDeg !== undefined ? 'refracted' : 'reflected';
  if (r.tir) {
    tl.narrate(`sin θ₂ would be ${fmt(r.sinRefracted)}, above 1: no ray gets out. All the light is reflected, at ${withUnit(t1, '°')}: total internal reflection.`, 3, ['reflected', 'f-sin']);
  } else {
    tl.narrate(`θ₂ = ${withUnit(r.refracted!, '°')}: ${r.bends === 'straight on' ? 'the ray goes straight on, along the normal' : `in ${denser} the ray bends ${r.bends}`}.`, 2.4, ['refracted', 'arc2-label']);
  }
  const p0 = tl.t;
  tl.add({ type: 'tween', target: 'pulse', property: 'opacity', from: 0, to: 1, start: p0, duration: 0.2 });
  tl.entries.push(
    ...keyframeTweens('pulse', [
      { at: p0, values: { x: start[0], y: start[1] } },
      { at: p0 + leg1, values: { x: O[0], y: O[1] } },
      { at: p0 + leg1 + leg2, values: { x: outEnd[0], y: outEnd[1] } },
    ]),
  );
  tl.add({ type: 'tween', target: 'pulse', property: 'opacity', from: 1, to: 0, start: p0 + leg1 + leg2, duration: 0.2 });
  if (r.tir) tl.appear('reflected', 0.6, 'draw', p0 + leg1);
  else {
    tl.appear(afterId, 0.6, 'draw', p0 + leg1)
      .appear('arc2', 0.4, 'draw', p0 + leg1 + 0.6)
      .appear('arc2-label', 0.4, 'fade', p0 + leg1 + 0.6)
      .appear('reflected', 0.5, 'fade', p0 + leg1 + 0.6);
  }
  tl.appear('f-result', 0.4, 'fade', p0 + leg1 + 0.6);
  tl.wait(leg1 + leg2 + 0.6);
  if (r.critical !== null) {
    tl.narrate(
      r.tir
        ? `The critical angle is θc = sin⁻¹(n₂/n₁) = ${withUnit(r.critical, '°')}; θ₁ = ${withUnit(t1, '°')} is past it.`
        : `Past the critical angle, θc = sin⁻¹(n₂/n₁) = ${withUnit(r.critical, '°')}, no light would get out: total internal reflection.`,
      2.6,
      ['critical', 'f-critical'],
    );
    tl.appear('critical', 0.6, 'draw')
      .appear('critical-label', 0.4, 'fade', tl.t + 0.4)
      .appear('f-critical', 0.4, 'fade', tl.t + 0.4);
    tl.wait(2.6);
  }
  const slower = n2 > n1 ? `slower in ${name2}` : n2 < n1 ? `faster in ${name2}` : `as fast in ${name2}`;
  tl.narrate(r.tir ? `Light stays in ${name1}, at ${speed(r.speed1)} (c/n₁).` : `Light is ${slower}: c/n = ${speed(r.speed2)}, against ${speed(r.speed1)} in ${name1}.`, 2.6, ['speeds']);
  tl.appear('speeds', 0.4).wait(2.6);
  tl.finish(tl.t);
  return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title };
}
