// astronomy.solar_system: the Sun and its planets, drawn NOT to scale (evenly spaced orbits, sizes
// exaggerated, tilted view) so all eight fit and read; the motion IS to scale: each planet's period comes
// from Kepler's third law with the bundled radii, and 1 Earth year is a fixed number of screen seconds.
import { z } from 'zod';
import type { ParsedText } from '../../../text/parse.ts';
import { defineTemplate, type Composition } from '../../types.ts';
import { TimelineBuilder } from '../../timeline-builder.ts';
import { AU_M } from '../physics/quantities.ts';
import { DAY_S, G_NEWTON, PLANET_NAMES, findBody, type Body, type PlanetName } from '../physics/bodies.ts';
import { fmt } from '../physics/format.ts';
import { keyframeTweens, times, type SceneObjectInput } from '../physics/stage.ts';
import { placeLabels, type Disc } from './label-places.ts';

const xy = ([x, y]: [number, number]) => ({ x, y });

const params = z.object({
  planets: z
    .array(z.enum(PLANET_NAMES))
    .min(1)
    .max(8)
    .default([...PLANET_NAMES])
    .transform((list) => PLANET_NAMES.filter((p) => list.includes(p))),
});
export type SolarSystemParams = z.infer<typeof params>;

const SUN = findBody('Sun')!;
/** The planet table's columns: heading and offset from the table's left edge (0.26-unit Inter, tabular digits). */
const TABLE_COLUMNS = [
  { head: 'planet', dx: 0 },
  { head: 'distance', dx: 1.3 },
  { head: 'period', dx: 2.65 },
] as const;
/** Mean longitudes on 1 January 2000 (J2000), degrees: the planets start where they really were. */
const J2000_LONGITUDE: Record<PlanetName, number> = { Mercury: 252.25, Venus: 181.98, Earth: 100.46, Mars: 355.45, Jupiter: 34.4, Saturn: 49.94, Uranus: 313.23, Neptune: 304.88 };

function planet(name: PlanetName): Body {
  return findBody(name)!;
}

/** Kepler's third law around the Sun: T = 2π√(a³/GM☉), in days. */
export function keplerPeriodDays(name: PlanetName): number {
  const a = planet(name).orbits!.radius_m;
  return (2 * Math.PI * Math.sqrt(a ** 3 / (G_NEWTON * SUN.mass_kg))) / DAY_S;
}

function extract(text: ParsedText, warnings: string[]): Partial<SolarSystemParams> {
  const n = text.normalized;
  if (/\bpluto\b/.test(n)) warnings.push('Pluto has been a dwarf planet since 2006: it is not drawn; the planets are the eight from Mercury to Neptune');
  if (/\b(inner|rocky|terrestrial) planets\b/.test(n)) return { planets: ['Mercury', 'Venus', 'Earth', 'Mars'] };
  if (/\b(outer|giant|jovian) planets\b/.test(n)) return { planets: ['Jupiter', 'Saturn', 'Uranus', 'Neptune'] };
  if (/\bgas giants\b/.test(n)) return { planets: ['Jupiter', 'Saturn'] };
  if (/\bice giants\b/.test(n)) return { planets: ['Uranus', 'Neptune'] };
  const named = PLANET_NAMES.filter((p) => new RegExp(`\\b${p.toLowerCase()}\\b`).test(n));
  for (const p of named) text.used.add(p);
  for (const w of ['solar system', 'planets']) if (n.includes(w)) text.used.add(w);
  // One planet named ("the solar system, where is Mars?") still shows them all.
  return named.length >= 2 ? { planets: named } : {};
}

export const solarSystem = defineTemplate<SolarSystemParams>({
  id: 'astronomy.solar_system',
  title: 'Solar system',
  category: 'astronomy',
  style: 'scientific',
  example: 'Solar system with planets orbiting',
  params,
  // The title puts "solar" in the typo-correction vocabulary: "molar", "sonar" and "polar" are listed so they stay themselves.
  vocabulary: ['planetary', 'orrery', 'mercury', 'jupiter', 'saturn', 'uranus', 'neptune', 'molar', 'sonar', 'polar'],
  triggers: [
    { pattern: /\bsolar system\b/, score: 0.95 },
    { pattern: /\b(eight|8|all the|all) planets\b|\bplanets? of the solar\b/, score: 0.95 },
    { pattern: /\b(inner|outer|rocky|terrestrial|giant|jovian) planets\b|\b(gas|ice) giants\b/, score: 0.9 },
    { pattern: /\bplanets\b.*\b(orbit\w*|around the sun|sun)\b|\b(orbit\w*|sun)\b.*\bplanets\b/, score: 0.92 },
    { pattern: /\b(orrery|planetary system)\b/, score: 0.9 },
  ],
  extract,
  facts({ planets }) {
    const periods = Object.fromEntries(planets.map((p) => [p, keplerPeriodDays(p)]));
    return {
      planets,
      orbital_periods_days: periods,
      distances_au: Object.fromEntries(planets.map((p) => [p, planet(p).orbits!.radius_m / AU_M])),
    };
  },
  compose(p) {
    return composeSolarSystem(p);
  },
});

function periodLabel(days: number): string {
  return days < 700 ? `${fmt(Math.round(days))} d` : `${fmt(Number((days / 365.25).toFixed(1)))} y`;
}

function composeSolarSystem({ planets }: SolarSystemParams): Composition {
  const tl = new TimelineBuilder();
  const c: [number, number] = [-2.2, -0.45];
  const n = planets.length;
  // Not to scale: orbit i of n is evenly spaced between 1.15 and 5.3 units, seen tilted (y × 0.45).
  const rx = planets.map((_, i) => (n === 1 ? 3.2 : 1.15 + ((5.3 - 1.15) * i) / (n - 1)));
  const tilt = 0.45;
  const jupiter = planet('Jupiter').radius_m;
  const size = (b: Body) => 0.075 + 0.2 * Math.sqrt(b.radius_m / jupiter);
  const yearSeconds = 4; // screen seconds per Earth year
  const motion = 10; // screen seconds of motion
  const periods = planets.map(keplerPeriodDays);
  const at = (i: number, angleDeg: number): [number, number] => [c[0] + rx[i]! * Math.cos((angleDeg * Math.PI) / 180), c[1] + rx[i]! * tilt * Math.sin((angleDeg * Math.PI) / 180)];
  const ring = (r: number): [number, number][] => times(0, 2 * Math.PI, 40).map((a) => [1.9 * r * Math.cos(a), 0.55 * r * Math.sin(a)] as [number, number]);
  const tableX = 3.45;
  const sunR = 0.42;
  // Angular position from the period: one full turn per T, counterclockwise seen from the north.
  const angleOf = (i: number, s: number) => J2000_LONGITUDE[planets[i]!] + (360 * s * 365.25) / (yearSeconds * periods[i]!);
  const turnsOf = (i: number) => (motion / yearSeconds) * (365.25 / periods[i]!);
  // Labels are placed on one time grid, fine enough for the fastest planet, each on a side clear of the Sun,
  // the planets and the other labels (label-places.ts): Mercury's name never lies over the Sun.
  const grid = times(0, motion, Math.max(8, ...planets.map((_, i) => Math.ceil(turnsOf(i) * 32))));
  const discsAt = (s: number): Disc[] => planets.map((name, i) => ({ ...xy(at(i, angleOf(i, s))), r: size(planet(name)) }));
  const labelOffsets = placeLabels(planets, grid.map(discsAt), { x: c[0], y: c[1], r: sunR });
  const rowY = (i: number) => 2.45 - (i + 1) * (n > 6 ? 0.46 : 0.55);
  const objects: SceneObjectInput[] = [
    { id: 'title', type: 'text', text: n === 8 ? 'The solar system' : `The solar system: ${planets.join(', ')}`, x: 0, y: 3.95, size: 0.55, weight: 700, color: '$foreground', maxWidth: 15 },
    { id: 'scale-note', type: 'text', text: `Not to scale: orbits evenly spaced, planets enlarged. Speeds to scale: 1 Earth year = ${yearSeconds} s.`, x: 0, y: 3.3, size: 0.3, color: '$muted' },
    ...planets.map((_, i) => ({ id: `orbit-${i}`, type: 'line' as const, points: times(0, 360, 96).map((a) => at(i, a)), color: '$grid', width: 0.025 })),
    { id: 'sun', type: 'circle', x: c[0], y: c[1], radius: sunR, fill: SUN.color },
    { id: 'sun-label', type: 'text', text: 'Sun', x: c[0], y: c[1] - 0.7, size: 0.28, color: '$foreground' },
    // The table's columns are their own left-aligned texts (Inter, tabular figures), not one padded string:
    // padding lines columns up only in a monospaced face, and the house style has one sans.
    ...TABLE_COLUMNS.map((column, k) => ({ id: k === 0 ? 'table-head' : `table-head-${k}`, type: 'text' as const, text: column.head, x: tableX + column.dx, y: 2.45, size: 0.26, align: 'left' as const, color: '$muted' })),
  ];
  planets.forEach((name, i) => {
    const b = planet(name);
    const [x, y] = at(i, J2000_LONGITUDE[name]);
    const r = size(b);
    if (name === 'Saturn') objects.push({ id: `ring-${i}`, type: 'line', x, y, points: ring(r), color: '$muted', width: 0.025 });
    objects.push(
      { id: `planet-${i}`, type: 'circle', x, y, radius: r, fill: b.color },
      { id: `label-${i}`, type: 'text', text: name, x: x + labelOffsets[0]![i]![0], y: y + labelOffsets[0]![i]![1], size: 0.28, color: '$foreground', background: '$background' },
      ...[name, `${fmt(Number((b.orbits!.radius_m / AU_M).toFixed(2)))} AU`, periodLabel(periods[i]!)].map((text, k) => ({
        id: k === 0 ? `row-${i}` : `row-${i}-${k}`,
        type: 'text' as const,
        text,
        x: tableX + TABLE_COLUMNS[k]!.dx,
        y: rowY(i),
        size: 0.26,
        align: 'left' as const,
        color: b.color,
      })),
    );
  });
  objects.push({ id: 'law', type: 'math', latex: 'T = 2\\pi\\sqrt{\\frac{a^3}{G M_\\odot}}', x: 5.4, y: rowY(n) - 0.55, size: 0.34, color: '$highlight' });
  objects.push({ id: 'clock', type: 'text', text: 'year 0', x: -7.4, y: -3.75, size: 0.3, align: 'left', color: '$foreground' });

  tl.narrate(n === 8 ? 'The Sun and its eight planets, from Mercury to Neptune (distances and sizes not to scale).' : `The Sun with ${planets.join(', ')} (distances and sizes not to scale).`, 2.4, ['sun']);
  tl.appear('title', 0.5).appear('scale-note', 0.5).appear('sun', 0.5, 'grow').appear('sun-label', 0.4).appear('table-head', 0.4).appear('table-head-1', 0.4).appear('table-head-2', 0.4);
  planets.forEach((_, i) => {
    const when = tl.t + 0.4 + i * 0.18;
    tl.appear(`orbit-${i}`, 0.5, 'draw', when)
      .appear(`planet-${i}`, 0.35, 'grow', when + 0.2)
      .appear(`label-${i}`, 0.3, 'fade', when + 0.2)
      .appear(`row-${i}`, 0.3, 'fade', when + 0.2)
      .appear(`row-${i}-1`, 0.3, 'fade', when + 0.2)
      .appear(`row-${i}-2`, 0.3, 'fade', when + 0.2);
    if (objects.some((o) => o.id === `ring-${i}`)) tl.appear(`ring-${i}`, 0.35, 'fade', when + 0.2);
  });
  tl.wait(0.6 + n * 0.18);
  tl.appear('clock', 0.3).appear('law', 0.4).wait(0.4);
  // The motion starts once the caption before it has been read (the builder's hold).
  const t0 = tl.hold().t;
  planets.forEach((name, i) => {
    const samples = times(0, motion, Math.max(8, Math.ceil(turnsOf(i) * 32)));
    const keys = samples.map((s) => ({ at: t0 + s, pos: at(i, angleOf(i, s)) }));
    tl.entries.push(
      ...keyframeTweens(
        `planet-${i}`,
        keys.map((k) => ({ at: k.at, values: { x: k.pos[0], y: k.pos[1] } })),
      ),
    );
    tl.entries.push(
      ...keyframeTweens(
        `label-${i}`,
        grid.flatMap((s, k) => {
          const place = (when: number, o: [number, number]) => {
            const [x, y] = at(i, angleOf(i, when));
            return { at: t0 + when, values: { x: x + o[0], y: y + o[1] } };
          };
          const o = labelOffsets[k]![i]!;
          const before = k > 0 ? labelOffsets[k - 1]![i]! : o;
          // A label changing sides jumps there rather than sliding across its planet (or the Sun).
          return before[0] !== o[0] || before[1] !== o[1] ? [place(s - 1e-3, before), place(s, o)] : [place(s, o)];
        }),
      ),
    );
    if (name === 'Saturn')
      tl.entries.push(
        ...keyframeTweens(
          `ring-${i}`,
          keys.map((k) => ({ at: k.at, values: { x: k.pos[0], y: k.pos[1] } })),
        ),
      );
  });
  for (const s of times(0, motion, motion * 4)) tl.setText('clock', `year ${fmt(Number((s / yearSeconds).toFixed(2)))}`, t0 + s);
  const inner = planets[0]!;
  const outer = planets[n - 1]!;
  tl.narrate(`Each planet's period follows Kepler's third law, T² ∝ a³: ${inner} takes ${periodLabel(periods[0]!).replace(' d', ' days').replace(' y', ' years')}.`, motion / 2, ['planet-0', 'row-0'], {
    terms: [{ text: inner, ref: 'planet-0' }],
  });
  tl.t = t0 + motion / 2;
  tl.narrate(
    `${outer}, ${fmt(Number((planet(outer).orbits!.radius_m / AU_M).toFixed(2)))} AU out, takes ${periodLabel(periods[n - 1]!)
      .replace(' d', ' days')
      .replace(' y', ' years')}: the farther the planet, the slower it moves.`,
    motion / 2,
    [`planet-${n - 1}`, `row-${n - 1}`],
    { terms: [{ text: outer, ref: `planet-${n - 1}` }] },
  );
  tl.add({ type: 'highlight', target: 'law', at: tl.t + 0.5, duration: 0.8 });
  tl.t = t0 + motion;
  tl.narrate(`${fmt(motion / yearSeconds)} Earth years have passed.`, 2, ['clock']);
  tl.wait(2);
  tl.finish(tl.t);
  return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: 'The solar system' };
}
