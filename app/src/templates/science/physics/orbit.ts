// physics.orbit: a body on a circular orbit of radius r around a central mass M. Gravity supplies the
// centripetal force, so v = √(GM/r) and, Kepler's third law, T = 2π√(r³/GM). Radii and masses come from
// the bundled body table unless the text gives them (in m, km or AU; altitudes add the central radius).
import { z } from 'zod';
import type { ParsedText } from '../../../text/parse.ts';
import { defineTemplate, type Composition } from '../../types.ts';
import { TimelineBuilder } from '../../timeline-builder.ts';
import { DAY_S, G_NEWTON, bodiesIn, findBody, type Body } from './bodies.ts';
import { fmt, readouts, texUnit, withUnit } from './format.ts';
import { limited, type Limit } from './limits.ts';
import { LENGTH_UNITS, NUM, allQuantities, namedQuantity, parseNum, type UnitTable } from './quantities.ts';
import { keyframeTweens, times, type SceneObjectInput } from './stage.ts';

const RADIUS: Limit = { name: 'orbital radius', unit: 'm', min: 0, max: 1e15, why: 'about 7 light-days, far past Neptune', exclusiveMin: true };
const MASS: Limit = { name: 'central mass', unit: 'kg', min: 0, max: 1e42, why: 'a mass is positive; 1e42 kg is a large galaxy', exclusiveMin: true };
const SUN = findBody('Sun')!;
const EARTH = findBody('Earth')!;

const name = z
  .string()
  .trim()
  .min(1)
  .max(30)
  .regex(/^[\p{L}\p{N} '.-]+$/u, 'letters, digits, spaces, apostrophes, dots and hyphens only');
const params = z.object({
  central: name.default('Sun'),
  body: name.default('Earth'),
  radius_m: z.number().gt(0).max(RADIUS.max).default(EARTH.orbits!.radius_m),
  central_mass_kg: z.number().gt(0).max(MASS.max).default(SUN.mass_kg),
});
export type OrbitParams = z.infer<typeof params>;

export function circularOrbit({ radius_m: r, central_mass_kg: M }: OrbitParams): { periodS: number; speed: number } {
  return { periodS: 2 * Math.PI * Math.sqrt(r ** 3 / (G_NEWTON * M)), speed: Math.sqrt((G_NEWTON * M) / r) };
}

const MASS_UNITS_ASTRO: UnitTable = [
  ['solar masses', SUN.mass_kg],
  ['solar mass', SUN.mass_kg],
  ['earth masses', EARTH.mass_kg],
  ['earth mass', EARTH.mass_kg],
  ['kilograms', 1],
  ['kg', 1],
];
const SATELLITE = /\b(international space station|space station|iss|satellites?|spacecraft|space ?probe|probe|rocket|capsule|hubble)\b/i;
const ALTITUDE = new RegExp(String.raw`(?:altitude\s*(?:of|=|:)?\s*(${NUM})\s*(km|kilometers?|kilometres?|m|meters?|metres?)\b|(${NUM})\s*(km|kilometers?|kilometres?|m|meters?|metres?)\s*(?:altitude|above|up|high)\b)`, 'iu');

/** A body named in the text that is not in the table ("ISS", "satellite"), capitalised for display. */
function satelliteName(text: string): string | undefined {
  const m = SATELLITE.exec(text);
  if (!m) return undefined;
  const w = m[1]!.toLowerCase();
  return w === 'iss' || w.includes('station') ? 'ISS' : w === 'hubble' ? 'Hubble' : 'Satellite';
}

function extract(text: ParsedText, warnings: string[]): Partial<OrbitParams> {
  const o = text.original;
  const out: Partial<OrbitParams> = {};
  const named = bodiesIn(o);
  const satellite = satelliteName(o);
  let central: Body | undefined;
  let body: string | undefined;
  if (named.length >= 2) {
    // The lighter one orbits the heavier, however the sentence is built.
    const [a, b] = [...named].sort((x, y) => y.mass_kg - x.mass_kg);
    central = a;
    body = b!.name;
  } else if (named.length === 1) {
    const only = named[0]!;
    if (satellite) [central, body] = [only, satellite];
    else if (only.name === 'Sun') [central, body] = [only, 'Earth'];
    else [central, body] = [findBody(only.orbits!.central)!, only.name];
  } else if (satellite) {
    [central, body] = [EARTH, satellite];
  }
  if (central) out.central = central.name;
  if (body) out.body = body;
  // Generic bodies ("a planet around a star", "a star around a black hole") keep their generic names.
  if (!central) {
    const host = ['black hole', 'neutron star', 'white dwarf', 'star'].find((h) => new RegExp(`\\b${h}\\b`, 'i').test(o));
    if (host) out.central = host.charAt(0).toUpperCase() + host.slice(1);
  }
  if (!body) {
    const orbiter = /\b(exoplanet|planet|comet|asteroid|star)\b/i.exec(o);
    if (orbiter && orbiter[1]!.toLowerCase() !== out.central?.toLowerCase()) out.body = orbiter[1]!.charAt(0).toUpperCase() + orbiter[1]!.slice(1).toLowerCase();
  }
  for (const b of named) text.used.add(b.name);

  // Radius: an altitude above the central body's surface, a named radius/distance, or the table's.
  const alt = ALTITUDE.exec(o);
  const centralBody = central ?? SUN;
  let radius: number | undefined;
  if (/\bgeostationary|geosynchronous\b/i.test(o)) radius = 4.2164e7;
  else if (alt) {
    const value = parseNum(alt[1] ?? alt[3]!);
    const unit = (alt[2] ?? alt[4]!).toLowerCase();
    radius = centralBody.radius_m + value * (unit.startsWith('k') ? 1000 : 1);
  } else {
    radius = namedQuantity(o, ['orbital radius', 'orbit radius', 'radius', 'distance', 'semi-major axis', 'semi major axis', 'r'], LENGTH_UNITS);
    radius ??= allQuantities(o, LENGTH_UNITS).find((q) => q.unit.toLowerCase() !== 'm' || q.value > 1e5)?.value;
  }
  if (radius === undefined) {
    const known = findBody(out.body ?? 'Earth')?.orbits;
    if (known && known.central === centralBody.name) {
      if (central) out.radius_m = known.radius_m;
    } else if (satellite) {
      warnings.push(`no altitude given for the ${out.body}: using a 400 km low orbit`);
      radius = centralBody.radius_m + 4e5;
    } else {
      const host = out.central ?? centralBody.name;
      warnings.push(`no orbital radius for ${out.body} around ${host} is known: give one ("at 2 AU", "radius 7000 km"); using ${withUnit(centralBody.radius_m * 10, 'm')}`);
      radius = centralBody.radius_m * 10;
    }
  }
  if (radius !== undefined) {
    const r = limited(radius, RADIUS, warnings);
    if (r !== undefined && r <= centralBody.radius_m) {
      warnings.push(`an orbit of radius ${withUnit(r, 'm')} is inside ${centralBody.name} (radius ${withUnit(centralBody.radius_m, 'm')}): using 400 km above its surface`);
      out.radius_m = centralBody.radius_m + 4e5;
    } else if (r !== undefined) out.radius_m = r;
  }
  // Central mass: "M = 2e30 kg", "central mass 2 solar masses", or the table's.
  const symbol = new RegExp(String.raw`(?<![\p{L}])M\s*=\s*(${NUM})`, 'u').exec(o);
  const mass =
    (symbol ? parseNum(symbol[1]!) : undefined) ?? namedQuantity(o, ['central mass', 'mass of the star', 'star mass', 'mass of the planet', 'stellar mass'], MASS_UNITS_ASTRO) ?? allQuantities(o, MASS_UNITS_ASTRO.slice(0, 4))[0]?.value;
  const m = limited(mass, MASS, warnings);
  if (m !== undefined) {
    out.central_mass_kg = m;
    out.central ??= 'Central body';
  } else if (central) out.central_mass_kg = central.mass_kg;
  else if (out.central) warnings.push(`no mass given for the ${out.central.toLowerCase()} ("M = 4e30 kg", "2 solar masses"): using one solar mass`);
  for (const w of ['orbit', 'orbiting', 'orbits', 'kepler']) if (text.normalized.includes(w)) text.used.add(w);
  return out;
}

export const orbit = defineTemplate<OrbitParams>({
  id: 'physics.orbit',
  title: "Orbit (Kepler's third law)",
  category: 'physics',
  style: 'scientific',
  example: 'Earth orbiting the Sun',
  params,
  vocabulary: ['orbit', 'orbiting', 'orbits', 'orbital', 'kepler', 'satellite', 'geostationary', 'mercury', 'jupiter', 'saturn', 'uranus', 'neptune'],
  triggers: [
    // Electrons "orbiting" a nucleus are the Bohr atom, not gravity.
    {
      pattern:
        /^(?!.*\b(electrons?|nucleus|atoms?|bohr|shells?)\b).*\b(sun|mercury|venus|earth|mars|jupiter|saturn|uranus|neptune|moon|satellite|iss|space station)\b.*\b(orbit\w*|revolv\w*|circling|goes around|going around|moving around|travels around)\b/,
      score: 0.9,
    },
    { pattern: /\b(moon|earth|mars|venus|mercury|jupiter|saturn|uranus|neptune|planet|satellite|comet)\b (moving |going |travell?ing )?a?round the (sun|earth|moon|star|planet)\b/, score: 0.85 },
    { pattern: /^(?!.*\b(electrons?|nucleus|atoms?|bohr|shells?)\b).*\b(orbit\w*|revolv\w*|circling)\b.*\b(sun|mercury|venus|earth|mars|jupiter|saturn|uranus|neptune|moon|star)\b/, score: 0.9 },
    { pattern: /\bkepler\b|\borbital (period|speed|velocity|radius)\b|\bgeostationary\b/, score: 0.9 },
    { pattern: /^(?!.*\b(electrons?|nucleus|atoms?|bohr|shells?|planets)\b).*\borbit(s|ing|al)?\b/, score: 0.75 },
    { pattern: /^(?!.*\b(office|offices|campus|branch|dish|tv|television)\b).*\bsatellites?\b/, score: 0.5 },
  ],
  extract,
  facts(p) {
    const o = circularOrbit(p);
    const known = findBody(p.body)?.orbits;
    const tableCase = known && known.central.toLowerCase() === p.central.toLowerCase() && Math.abs(known.radius_m - p.radius_m) / known.radius_m < 1e-6;
    return {
      period_days: o.periodS / DAY_S,
      orbital_speed_mps: o.speed,
      ...(tableCase ? { observed_period_days: known.period_days } : {}),
    };
  },
  compose(p) {
    return composeOrbit(p);
  },
});

function composeOrbit(p: OrbitParams): Composition {
  const { central, body, radius_m: r, central_mass_kg: M } = p;
  const o = circularOrbit(p);
  const days = o.periodS / DAY_S;
  const tl = new TimelineBuilder();
  const c: [number, number] = [-3.3, -0.35];
  const R = 3.1;
  const revolutions = 2;
  const perRev = 4.5; // screen seconds per orbit
  const centralColor = findBody(central)?.color ?? '$highlight';
  const bodyColor = findBody(body)?.color ?? '$secondary';
  // Counterclockwise from the right, as seen from above the orbit's north pole.
  const pos = (a: number): [number, number] => [c[0] + R * Math.cos(a), c[1] + R * Math.sin(a)];
  const vArrow = (a: number): [number, number][] => {
    const [x, y] = pos(a);
    return [
      [x, y],
      [x - 1.1 * Math.sin(a), y + 1.1 * Math.cos(a)],
    ];
  };
  // Periods read best in days, hours or minutes; the fact stays in days.
  const [unit, perUnit] = days >= 2 ? ['days', DAY_S] : days * 24 >= 2 ? ['h', 3600] : ['min', 60];
  // One precision for the clock's readings, fixed by the largest, so the figures hold still as they run.
  const readings = readouts({ time: (revolutions * o.periodS) / (perUnit as number) });
  const timeText = (t: number) => `t = ${readings.format(t / (perUnit as number), { unit: unit as string, kind: 'time' })}`;
  const periodValue = o.periodS / (perUnit as number);
  const periodText = withUnit(periodValue, unit as string);
  const cx = 4.35;
  const objects: SceneObjectInput[] = [
    {
      id: 'title',
      type: 'text',
      text: `${body} orbiting ${central === 'Central body' ? 'a central mass' : central === 'Sun' || central === 'Moon' ? `the ${central}` : central}`,
      x: 0,
      y: 3.95,
      size: 0.55,
      weight: 700,
      color: '$foreground',
    },
    { id: 'givens', type: 'text', text: `r = ${withUnit(r, 'm')} · M = ${withUnit(M, 'kg')} · circular orbit`, x: 0, y: 3.3, size: 0.32, color: '$muted' },
    { id: 'path', type: 'line', points: times(0, 2 * Math.PI, 96).map(pos), color: '$grid', width: 0.035, dash: [0.15, 0.12] },
    { id: 'radius', type: 'line', points: [c, pos(0)], color: '$muted', width: 0.03 },
    { id: 'r-label', type: 'text', text: 'r', x: c[0] + R / 2, y: c[1] + 0.25, size: 0.32, color: '$muted' },
    { id: 'central', type: 'circle', x: c[0], y: c[1], radius: 0.6, fill: centralColor },
    { id: 'central-label', type: 'text', text: central, x: c[0], y: c[1] - 0.95, size: 0.3, color: '$foreground' },
    { id: 'velocity', type: 'line', points: vArrow(0), color: '$accent', width: 0.05, arrow: 'end' },
    { id: 'body', type: 'circle', x: pos(0)[0], y: pos(0)[1], radius: 0.22, fill: bodyColor, stroke: '$foreground', strokeWidth: 0.02 },
    { id: 'body-label', type: 'text', text: body, x: pos(0)[0], y: pos(0)[1] - 0.45, size: 0.28, color: '$foreground' },
    { id: 'clock', type: 'text', text: timeText(0), x: cx, y: 2.45, size: 0.34, color: '$foreground' },
    { id: 'f-F', type: 'math', latex: '\\frac{GMm}{r^2} = \\frac{m v^2}{r}', x: cx, y: 1.5, size: 0.34, color: '$muted' },
    { id: 'f-v', type: 'math', latex: `v = \\sqrt{\\frac{GM}{r}} = ${texUnit(o.speed, 'm/s')}`, x: cx, y: 0.3, size: 0.34, color: '$accent' },
    { id: 'f-T', type: 'math', latex: `T = 2\\pi\\sqrt{\\frac{r^3}{GM}} = ${texUnit(periodValue, unit as string)}`, x: cx, y: -1.0, size: 0.34, color: '$highlight' },
    { id: 'constants', type: 'text', text: `G = 6.674 × 10⁻¹¹ N·m²/kg²`, x: cx, y: -2.1, size: 0.28, color: '$muted' },
    { id: 'note', type: 'text', text: `not to scale · 1 orbit (${periodText}) shown in ${fmt(perRev)} s`, x: cx, y: -2.65, size: 0.28, color: '$muted', maxWidth: 7.2 },
  ];
  const observed = findBody(body)?.orbits;
  const agrees = observed && observed.central === central && Math.abs(observed.radius_m - r) / r < 1e-6;
  if (agrees) objects.push({ id: 'observed', type: 'text', text: `measured: ${withUnit(observed.period_days, 'days')}`, x: cx, y: -3.3, size: 0.3, color: '$success' });

  tl.narrate(`${body} circles ${central} at r = ${withUnit(r, 'm')}; ${central} has mass M = ${withUnit(M, 'kg')}.`, 2.2, ['central', 'body']);
  for (const id of ['title', 'givens', 'central', 'central-label']) tl.appear(id, 0.5);
  tl.appear('path', 0.8, 'draw', tl.t + 0.3)
    .appear('body', 0.4, 'grow', tl.t + 0.8)
    .appear('body-label', 0.4, 'fade', tl.t + 0.8);
  tl.appear('radius', 0.4, 'draw', tl.t + 1.1)
    .appear('r-label', 0.4, 'fade', tl.t + 1.1)
    .appear('clock', 0.4, 'fade', tl.t + 1.1)
    .appear('note', 0.4, 'fade', tl.t + 1.1);
  tl.wait(2.2);
  tl.narrate(`Gravity GMm/r² is exactly the centripetal force mv²/r: that fixes the speed, v = √(GM/r) = ${withUnit(o.speed, 'm/s')}.`, 2.4, ['f-F', 'f-v']);
  tl.appear('f-F', 0.4)
    .appear('velocity', 0.4, 'draw', tl.t + 0.4)
    .appear('f-v', 0.4, 'fade', tl.t + 0.8);
  tl.wait(2.4);
  // The motion starts once the caption before it has been read (the builder's hold).
  const t0 = tl.hold().t;
  const samples = times(0, revolutions * 2 * Math.PI, revolutions * 72);
  const at = (a: number) => t0 + (a / (2 * Math.PI)) * perRev;
  tl.entries.push(
    ...keyframeTweens(
      'body',
      samples.map((a) => ({ at: at(a), values: { x: pos(a)[0], y: pos(a)[1] } })),
    ),
  );
  tl.entries.push(
    ...keyframeTweens(
      'body-label',
      samples.map((a) => ({ at: at(a), values: { x: pos(a)[0], y: pos(a)[1] - 0.45 } })),
    ),
  );
  tl.entries.push(
    ...keyframeTweens(
      'radius',
      samples.map((a) => ({ at: at(a), values: { points: [c, pos(a)] } })),
    ),
  );
  tl.entries.push(
    ...keyframeTweens(
      'velocity',
      samples.map((a) => ({ at: at(a), values: { points: vArrow(a) } })),
    ),
  );
  tl.entries.push(
    ...keyframeTweens(
      'r-label',
      samples.map((a) => ({ at: at(a), values: { x: c[0] + (R / 2) * Math.cos(a) - 0.25 * Math.sin(a), y: c[1] + (R / 2) * Math.sin(a) + 0.25 * Math.cos(a) } })),
    ),
  );
  for (const a of samples.filter((_, i) => i % 3 === 0)) tl.setText('clock', timeText((a / (2 * Math.PI)) * o.periodS), at(a));
  tl.narrate(`It goes around at constant speed; the velocity is always along the orbit, gravity always toward ${central}.`, perRev, ['body', 'velocity']);
  tl.t = t0 + perRev;
  tl.narrate(`One orbit: T = 2π√(r³/GM) = ${periodText} (Kepler's third law: T² ∝ r³).`, perRev, ['f-T']);
  tl.appear('f-T', 0.5);
  if (agrees) tl.appear('observed', 0.4, 'fade', tl.t + 0.8);
  tl.add({ type: 'highlight', target: 'f-T', at: tl.t + 0.8, duration: 0.8 });
  tl.t = t0 + revolutions * perRev;
  tl.setText('clock', timeText(revolutions * o.periodS));
  tl.narrate(`Period ${periodText}, orbital speed ${withUnit(o.speed, 'm/s')}${agrees ? `; the measured period is ${withUnit(observed.period_days, 'days')}` : ''}.`, 3, ['f-T', 'f-v']);
  tl.appear('constants', 0.4);
  tl.wait(3);
  tl.finish(tl.t);
  return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: `${body} orbiting ${central}` };
}
