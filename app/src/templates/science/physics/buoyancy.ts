// physics.buoyancy: Archimedes' principle. An object of volume V and density ρ is lowered into a fluid of
// density ρf: its weight is W = ρVg, and the fluid pushes up with the weight of the fluid it displaces,
// B = ρf·g·V_displaced. Less dense than the fluid, it floats with the fraction ρ/ρf of its volume under the
// surface (there B = W); denser, even fully under B = ρf·g·V < W, and it sinks with the net force W − B (its
// apparent weight). Weight and upthrust are arrows drawn to one scale, growing and shrinking as they change.
import { z } from 'zod';
import type { ParsedText } from '../../../text/parse.ts';
import { defineTemplate, type Composition } from '../../types.ts';
import { TimelineBuilder } from '../../timeline-builder.ts';
import { gParam, gravityIn } from './common-params.ts';
import { FLUIDS, SOLIDS, materialIn } from './densities.ts';
import { fmt, tex, texUnit, withUnit } from './format.ts';
import { limited, put, type Limit } from './limits.ts';
import { DENSITY_UNITS, MASS_UNITS, VOLUME_UNITS, allQuantities, namedQuantity, quantityIn } from './quantities.ts';
import { choosePlayback, keyframeTweens, times, type SceneObjectInput } from './stage.ts';

const DENSITY: Limit = { name: 'density', unit: 'kg/m³', min: 1, max: 25000, why: 'from a gas-filled foam to osmium, the densest element (22 590 kg/m³)', exclusiveMin: true };
const FLUID_DENSITY: Limit = { name: 'fluid density', unit: 'kg/m³', min: 500, max: 15000, why: 'liquids run from about 600 (liquid butane) to 13 534 (mercury)' };
const VOLUME: Limit = { name: 'volume', unit: 'm³', min: 0, max: 100000, why: 'from a grain to a large ship', exclusiveMin: true };
const DEFAULT_VOLUME = 0.001;

const params = z.object({
  object: z.string().trim().max(24).default('').describe('what the object is made of (wood, ice, steel …), empty when only its density is given'),
  density_kgpm3: z.number().gt(0).max(DENSITY.max).default(600).describe("the object's density in kg/m³"),
  volume_m3: z.number().gt(0).max(VOLUME.max).default(DEFAULT_VOLUME).describe("the object's volume in m³"),
  fluid: z.string().trim().max(24).default('water').describe('the fluid (water, sea water, oil, mercury …)'),
  fluid_density_kgpm3: z.number().min(FLUID_DENSITY.min).max(FLUID_DENSITY.max).default(1000).describe("the fluid's density in kg/m³"),
  g_mps2: gParam,
});
export type BuoyancyParams = z.infer<typeof params>;

export interface Buoyancy {
  mass: number;
  weight: number;
  /** The upthrust with the whole object under: ρf·g·V. */
  maxBuoyant: number;
  /** The upthrust where it ends up: W when it floats, ρf·g·V when it sinks or hangs. */
  buoyant: number;
  outcome: 'floats' | 'sinks' | 'neutral';
  /** Of its volume under the surface where it ends up (1 when it sinks). */
  submerged: number;
  displaced: number;
  /** W − B downward while it sinks; 0 when it floats or hangs. */
  net: number;
  /** Its acceleration as it starts to sink, g(1 − ρf/ρ), with drag left out. */
  sinkAcceleration: number;
}

export function buoyancy({ density_kgpm3: rho, volume_m3: V, fluid_density_kgpm3: rhoF, g_mps2: g }: BuoyancyParams): Buoyancy {
  const mass = rho * V;
  const weight = mass * g;
  const maxBuoyant = rhoF * g * V;
  // Equal to within a part in a million is neither floating nor sinking: it hangs where it is put.
  const outcome = Math.abs(rho - rhoF) <= rhoF * 1e-6 ? 'neutral' : rho < rhoF ? 'floats' : 'sinks';
  const submerged = outcome === 'floats' ? rho / rhoF : 1;
  const buoyant = outcome === 'floats' ? weight : maxBuoyant;
  const net = outcome === 'sinks' ? weight - maxBuoyant : 0;
  return { mass, weight, maxBuoyant, buoyant, outcome, submerged, displaced: submerged * V, net, sinkAcceleration: outcome === 'sinks' ? g * (1 - rhoF / rho) : 0 };
}

/** A density written near the fluid's name ("in oil of density 900 kg/m³") is the fluid's. */
function densities(o: string, fluidAt: number | undefined): { object?: number; fluid?: number } {
  const found = allQuantities(o, DENSITY_UNITS);
  const out: { object?: number; fluid?: number } = {};
  for (const d of found) {
    const nearFluid = fluidAt !== undefined && d.index > fluidAt && d.index - fluidAt < 40;
    const saysFluid = /\b(?:fluid|liquid)\b[^.,;]{0,25}$/i.test(o.slice(Math.max(0, d.index - 30), d.index));
    if ((nearFluid || saysFluid) && out.fluid === undefined) out.fluid = d.value;
    else if (out.object === undefined) out.object = d.value;
  }
  return out;
}

function extract(text: ParsedText, warnings: string[]): Partial<BuoyancyParams> {
  const o = text.original;
  const out: Partial<BuoyancyParams> = {};
  const fluid = materialIn(o, FLUIDS);
  const solid = materialIn(o, SOLIDS);
  const written = densities(o, fluid?.index);
  if (fluid) {
    out.fluid = fluid.material.name;
    out.fluid_density_kgpm3 = fluid.material.density;
    text.used.add(fluid.material.name);
  } else if (written.fluid !== undefined) out.fluid = /\bliquid\b/i.test(o) ? 'liquid' : 'fluid';
  put(out, 'fluid_density_kgpm3', limited(written.fluid, FLUID_DENSITY, warnings));
  const volume = limited(allQuantities(o, VOLUME_UNITS)[0]?.value ?? namedQuantity(o, ['volume', 'V'], VOLUME_UNITS), VOLUME, warnings);
  // "mass 3 kg" or "a 3 kg object"; not massIn's bare "m", which would read the m³ of a density.
  const mass = quantityIn(o, MASS_UNITS) ?? namedQuantity(o, ['mass'], MASS_UNITS);
  // The density: as written, from the material, or from a mass and a volume; a mass alone says nothing of it.
  let rho = limited(written.object, DENSITY, warnings);
  if (rho === undefined && solid) rho = solid.material.density;
  if (rho === undefined && mass !== undefined && volume !== undefined) rho = limited(mass / volume, DENSITY, warnings);
  if (solid) {
    out.object = solid.material.name;
    text.used.add(solid.material.name);
  }
  if (rho !== undefined) {
    out.density_kgpm3 = rho;
    if (volume !== undefined) out.volume_m3 = volume;
    else if (mass !== undefined) out.volume_m3 = limited(mass / rho, VOLUME, warnings);
    else warnings.push(`no size was given: showing an example volume of 1 litre (0.001 m³); floating or sinking does not depend on it`);
  }
  put(out, 'g_mps2', gravityIn(text, warnings));
  for (const w of ['buoyancy', 'buoyant', 'upthrust', 'archimedes', 'float', 'floats', 'sink', 'sinks']) if (text.normalized.includes(w)) text.used.add(w);
  return out;
}

/** A volume as people read it: 1.5 L, 250 cm³, 12 m³. */
function volumeText(v: number): string {
  if (v >= 1) return withUnit(v, 'm³');
  if (v >= 1e-3) return withUnit(v * 1000, 'L');
  return withUnit(v * 1e6, 'cm³');
}

// Boats, balloons and hydrometers float by their shape or their air, not by their material: they stay for the fallback.
const NOT_SHAPE = String.raw`^(?!.*\b(?:ships?|boats?|submarines?|balloons?|hot air|airships?|hydrometers?|floating point|heat sinks?|sinking fund|kitchen sink|carbon sinks?|screw|lever|fish|swim bladder|plimsoll)\b)`;
const FLUID_WORDS = 'water|sea|ocean|oil|mercury|fluid|liquid|honey|glycerol|alcohol|ethanol|petrol|bath';

export const buoyancyTemplate = defineTemplate<BuoyancyParams>({
  id: 'physics.buoyancy',
  title: "Buoyancy: Archimedes' principle",
  category: 'physics',
  style: 'scientific',
  example: 'Buoyancy of a 2 litre block of wood in water',
  content: { param: 'density_kgpm3', ask: 'say what the object is made of or give its density, and its size, e.g. "Buoyancy of a 2 litre block of wood in water" or "a 3 kg object of volume 0.002 m³ in water"' },
  params,
  vocabulary: ['buoyancy', 'buoyant', 'upthrust', 'archimedes'],
  triggers: [
    { pattern: new RegExp(`${NOT_SHAPE}.*\\b(?:buoyan(?:cy|t|ce)|upthrust|up-thrust)\\b`), score: 0.95 },
    { pattern: new RegExp(`${NOT_SHAPE}.*\\barchimedes\\b`), score: 0.9 },
    { pattern: new RegExp(`${NOT_SHAPE}.*\\b(?:floats?|floating|sinks?|sinking|sank|float or sink|sink or float)\\b.*\\b(?:${FLUID_WORDS})\\b`), score: 0.8 },
    { pattern: new RegExp(`${NOT_SHAPE}.*\\b(?:${FLUID_WORDS})\\b.*\\b(?:floats?|floating|sinks?|sinking)\\b`), score: 0.75 },
    { pattern: new RegExp(`${NOT_SHAPE}.*\\b(?:displaced|displaces|displacement of) (?:water|fluid|liquid)\\b`), score: 0.8 },
    // "a 3 kg object of volume 0.002 m³ in water": a size or a density, then a fluid it is put in (read as typed: ³ and / matter).
    {
      pattern: new RegExp(
        `${NOT_SHAPE}.*(?:\\bvolume\\b|\\bdensity\\b|\\d\\s*(?:m³|m3|m\\^3|cm³|cm3|litres?|liters?|kg/m|g/cm)).*\\b(?:in|into|immersed in|submerged in|placed in|put in|lowered into)\\s+(?:the\\s+|a\\s+|an\\s+)?(?:${FLUID_WORDS})\\b`,
        'i',
      ),
      on: 'original',
      score: 0.8,
    },
  ],
  extract,
  facts(p) {
    const b = buoyancy(p);
    return {
      mass_kg: b.mass,
      weight_n: b.weight,
      buoyant_force_n: b.buoyant,
      max_buoyant_force_n: b.maxBuoyant,
      outcome: b.outcome,
      submerged_fraction: b.submerged,
      displaced_volume_m3: b.displaced,
      net_force_n: b.net,
    };
  },
  compose(p) {
    return composeBuoyancy(p);
  },
});

function composeBuoyancy(p: BuoyancyParams): Composition {
  const { density_kgpm3: rho, volume_m3: V, fluid_density_kgpm3: rhoF, g_mps2: g } = p;
  const b = buoyancy(p);
  const what = p.object ? `${p.object} block` : 'block';
  const A = /^[aeiou]/i.test(what) ? 'An' : 'A';
  const fluid = p.fluid || 'fluid';
  const into = fluid === 'fluid' || fluid === 'liquid' ? `the ${fluid}` : fluid;
  const tl = new TimelineBuilder();
  // The tank and the block (a cube of side ∛V, drawn 1.4 units wide), one scale for all forces.
  const tank = { left: -6.6, right: -1.2, bottom: -2.9, top: 1.6 };
  const surface = 0.8;
  const side = 1.4;
  const cx = (tank.left + tank.right) / 2;
  const startY = surface + 0.3 + side / 2;
  const endY = b.outcome === 'floats' ? surface - b.submerged * side + side / 2 : b.outcome === 'neutral' ? surface - side : tank.bottom + side / 2;
  const underY = surface - side / 2 - 0.05; // just fully under
  // Lowered gently to where it ends (floating) or to just under (sinking, hanging): the upthrust grows with the depth.
  const lowerTo = b.outcome === 'floats' ? endY : underY;
  const biggest = Math.max(b.weight, b.buoyant);
  const k = 1.6 / biggest; // world units per newton
  const submergedAt = (y: number) => Math.min(1, Math.max(0, (surface - (y - side / 2)) / side));
  const upthrustAt = (y: number) => rhoF * g * V * submergedAt(y);
  const arrowUp = (y: number): [number, number][] => [
    [cx + 0.12, y],
    [cx + 0.12, y + Math.max(0.02, upthrustAt(y) * k)],
  ];
  const arrowDown = (y: number): [number, number][] => [
    [cx - 0.12, y],
    [cx - 0.12, y - b.weight * k],
  ];
  const given = `ρ = ${withUnit(rho, 'kg/m³')} · V = ${volumeText(V)} · ${fluid}: ρf = ${withUnit(rhoF, 'kg/m³')} · g = ${withUnit(g, 'm/s²')}`;
  const objects: SceneObjectInput[] = [
    { id: 'title', type: 'text', text: `${A} ${what} in ${fluid}: ${b.outcome === 'floats' ? 'it floats' : b.outcome === 'sinks' ? 'it sinks' : 'it hangs'}`, x: 0, y: 3.95, size: 0.5, weight: 700, color: '$foreground' },
    { id: 'givens', type: 'text', text: given, x: 0, y: 3.3, size: 0.3, color: '$muted', maxWidth: 14 },
    { id: 'fluid', type: 'rect', x: cx, y: (surface + tank.bottom) / 2, width: tank.right - tank.left, height: surface - tank.bottom, fill: '$secondary', opacity: 0.22 },
    {
      id: 'tank',
      type: 'line',
      points: [
        [tank.left, tank.top],
        [tank.left, tank.bottom],
        [tank.right, tank.bottom],
        [tank.right, tank.top],
      ],
      color: '$muted',
      width: 0.05,
    },
    { id: 'fluid-label', type: 'text', text: `${fluid} · ρf = ${withUnit(rhoF, 'kg/m³')}`, x: tank.left + 0.2, y: tank.bottom + 0.3, size: 0.28, align: 'left', color: '$foreground' },
    { id: 'block', type: 'rect', x: cx, y: startY, width: side, height: side, fill: '$surface', stroke: '$foreground', strokeWidth: 0.03 },
    { id: 'block-label', type: 'text', text: `${p.object || 'ρ'} ${withUnit(rho, 'kg/m³')}`, x: cx, y: startY + side / 2 + 0.25, size: 0.26, color: '$foreground' },
    { id: 'weight', type: 'line', points: arrowDown(startY), color: '$danger', width: 0.07, arrow: 'end' },
    { id: 'weight-label', type: 'text', text: `W = ${withUnit(b.weight, 'N')}`, x: cx - 0.3, y: startY - b.weight * k + 0.15, size: 0.28, align: 'right', color: '$danger' },
    { id: 'upthrust', type: 'line', points: arrowUp(startY), color: '$success', width: 0.07, arrow: 'end' },
    { id: 'upthrust-label', type: 'text', text: `B = ${withUnit(b.buoyant, 'N')}`, x: cx + side / 2 + 0.15, y: lowerTo + b.buoyant * k, size: 0.28, align: 'left', color: '$success' },
  ];
  if (b.outcome === 'floats') {
    objects.push({ id: 'under-label', type: 'text', text: `${fmt(b.submerged * 100)}% under`, x: cx - side / 2 - 0.15, y: surface - (b.submerged * side) / 2, size: 0.26, align: 'right', color: '$foreground' });
  }
  if (b.outcome === 'sinks') {
    objects.push(
      {
        id: 'net',
        type: 'line',
        points: [
          [cx - side / 2 - 0.35, underY],
          [cx - side / 2 - 0.35, underY - b.net * k],
        ],
        color: '$warning',
        width: 0.07,
        arrow: 'end',
      },
      { id: 'net-label', type: 'text', text: `net force\n${withUnit(b.net, 'N')} down`, x: cx - side / 2 - 0.55, y: underY - (b.net * k) / 2, size: 0.26, align: 'right', color: '$warning' },
    );
  }
  // The working, on the right.
  const fx = 3.6;
  const Vt = tex(V);
  objects.push(
    { id: 'f-weight', type: 'math', latex: `W = \\rho V g = ${tex(rho)} \\times ${Vt} \\times ${tex(g)} = ${texUnit(b.weight, 'N')}`, x: fx, y: 2.0, size: 0.3, color: '$danger' },
    { id: 'f-law', type: 'math', latex: `B = \\rho_f \\, g \\, V_{\\text{displaced}}`, x: fx, y: 1.0, size: 0.32, color: '$success' },
    {
      id: 'f-max',
      type: 'math',
      latex: `\\text{fully under: } B = ${tex(rhoF)} \\times ${tex(g)} \\times ${Vt} = ${texUnit(b.maxBuoyant, 'N')}`,
      x: fx,
      y: 0.0,
      size: 0.3,
      color: '$success',
    },
    b.outcome === 'floats'
      ? { id: 'f-result', type: 'math', latex: `B = W: \\; V_{\\text{displaced}} = \\frac{W}{\\rho_f g} = ${tex(b.displaced)}\\,\\mathrm{m^3} = ${tex(b.submerged * 100)}\\%\\text{ of }V`, x: fx, y: -1.1, size: 0.3, color: '$foreground' }
      : b.outcome === 'sinks'
        ? { id: 'f-result', type: 'math', latex: `W - B = ${texUnit(b.net, 'N')} \\text{ down}`, x: fx, y: -1.1, size: 0.32, color: '$warning' }
        : { id: 'f-result', type: 'math', latex: `B = W = ${texUnit(b.weight, 'N')}`, x: fx, y: -1.1, size: 0.32, color: '$foreground' },
    {
      id: 'compare',
      type: 'text',
      text: `ρ ${rho < rhoF ? '<' : rho > rhoF ? '>' : '='} ρf: ${withUnit(rho, 'kg/m³')} ${rho < rhoF ? 'less than' : rho > rhoF ? 'more than' : 'the same as'} ${withUnit(rhoF, 'kg/m³')}`,
      x: fx,
      y: -2.1,
      size: 0.28,
      color: '$muted',
      maxWidth: 6.5,
    },
  );

  tl.narrate(`${A} ${what} of ${volumeText(V)}, density ${withUnit(rho, 'kg/m³')}, is lowered into ${into} (${withUnit(rhoF, 'kg/m³')}).`, 2, ['block']);
  tl.appear('title', 0.5).appear('givens', 0.5);
  tl.appear('fluid', 0.5, 'fade', tl.t + 0.2)
    .appear('tank', 0.5, 'draw', tl.t + 0.2)
    .appear('fluid-label', 0.4, 'fade', tl.t + 0.4);
  tl.appear('block', 0.4, 'grow', tl.t + 0.6).appear('block-label', 0.4, 'fade', tl.t + 0.6);
  tl.wait(1.6);
  tl.narrate(`Its weight pulls down: W = ρVg = ${withUnit(b.weight, 'N')}.`, 2, ['weight', 'weight-label']);
  tl.appear('weight', 0.5, 'draw')
    .appear('weight-label', 0.4)
    .appear('f-weight', 0.4, 'fade', tl.t + 0.4)
    .wait(2);

  tl.narrate(`Going in, it pushes ${fluid} aside; the ${fluid} pushes back up with the weight of what it displaced: B = ρf g V.`, 3, ['block']);
  const l0 = tl.t;
  const lowerS = 2.6;
  tl.appear('upthrust', 0.2, 'fade', l0).appear('f-law', 0.4, 'fade', l0);
  const ys = times(startY, lowerTo, 40);
  const at = (i: number) => l0 + (lowerS * i) / (ys.length - 1);
  tl.entries.push(
    ...keyframeTweens(
      'block',
      ys.map((y, i) => ({ at: at(i), values: { y } })),
    ),
    ...keyframeTweens(
      'block-label',
      ys.map((y, i) => ({ at: at(i), values: { y: y + side / 2 + 0.25 } })),
    ),
    ...keyframeTweens(
      'weight',
      ys.map((y, i) => ({ at: at(i), values: { points: arrowDown(y) } })),
    ),
    ...keyframeTweens(
      'weight-label',
      ys.map((y, i) => ({ at: at(i), values: { y: y - b.weight * k + 0.15 } })),
    ),
    ...keyframeTweens(
      'upthrust',
      ys.map((y, i) => ({ at: at(i), values: { points: arrowUp(y) } })),
    ),
  );
  tl.wait(Math.max(lowerS, 3));
  if (b.outcome === 'floats') {
    tl.narrate(`It settles where the upthrust equals its weight, ${withUnit(b.weight, 'N')}: ${fmt(b.submerged * 100)}% of it under the surface.`, 2.6, ['upthrust-label', 'under-label', 'f-result']);
    tl.appear('upthrust-label', 0.4)
      .appear('under-label', 0.4)
      .appear('f-max', 0.4)
      .appear('f-result', 0.4, 'fade', tl.t + 0.5);
    tl.wait(2.6);
    tl.narrate(`It floats because its density, ${withUnit(rho, 'kg/m³')}, is less than the ${fluid}'s, ${withUnit(rhoF, 'kg/m³')}: ${fmt(rho)} ÷ ${fmt(rhoF)} = ${fmt(b.submerged)}, so ${fmt(b.submerged * 100)}% of it is under.`, 2.8, [
      'block',
      'compare',
    ]);
    tl.appear('compare', 0.4).wait(2.8);
  } else {
    tl.narrate(`Fully under, the upthrust is at most B = ρf g V = ${withUnit(b.maxBuoyant, 'N')}.`, 2.4, ['upthrust-label', 'f-max']);
    tl.appear('upthrust-label', 0.4).appear('f-max', 0.4).wait(2.4);
    if (b.outcome === 'sinks') {
      tl.narrate(`That is less than its weight, ${withUnit(b.weight, 'N')}: a net force of ${withUnit(b.net, 'N')} pulls it down, and it sinks.`, 2.4, ['net', 'net-label', 'f-result']);
      tl.appear('net', 0.5, 'draw')
        .appear('net-label', 0.4)
        .appear('f-result', 0.4, 'fade', tl.t + 0.4);
      tl.wait(2);
      // The sink itself, from rest at a = g(1 − ρf/ρ) with drag left out, at a watchable playback speed.
      const scale = side / Math.cbrt(V); // world units per metre
      const depth = (underY - endY) / scale;
      const real = Math.sqrt((2 * depth) / b.sinkAcceleration);
      const playback = choosePlayback(real, 1.2, 3);
      const s0 = tl.hold().t;
      const ts = times(0, real, 24);
      const yAt = (t: number) => underY - 0.5 * b.sinkAcceleration * t * t * scale;
      const sat = (t: number) => s0 + t * playback.factor;
      tl.entries.push(
        ...keyframeTweens(
          'block',
          ts.map((t) => ({ at: sat(t), values: { y: yAt(t) } })),
        ),
        ...keyframeTweens(
          'block-label',
          ts.map((t) => ({ at: sat(t), values: { y: yAt(t) + side / 2 + 0.25 } })),
        ),
      );
      for (const id of ['weight', 'weight-label', 'upthrust', 'upthrust-label', 'net', 'net-label']) tl.add({ type: 'disappear', target: id, at: s0, duration: 0.3 });
      tl.narrate(
        `Its density, ${withUnit(rho, 'kg/m³')}, is more than the ${fluid}'s, ${withUnit(rhoF, 'kg/m³')}: it sinks to the bottom. Drag is left out; shown ${playback.factor === 1 ? 'in real time' : playback.factor > 1 ? `in ${playback.label}` : playback.label}.`,
        real * playback.factor,
        ['block', 'compare'],
      );
      tl.appear('compare', 0.4, 'fade', s0);
      tl.wait(real * playback.factor + 1);
    } else {
      tl.narrate(`That equals its weight: with the same density as the ${fluid}, it hangs where it is put, neither rising nor sinking.`, 2.6, ['block', 'f-result']);
      tl.appear('f-result', 0.4).appear('compare', 0.4).wait(2.6);
    }
  }
  tl.finish(tl.t);
  const title = `A ${withUnit(rho, 'kg/m³')} ${what} in ${fluid}: ${b.outcome === 'floats' ? `floats ${fmt(b.submerged * 100)}% under` : b.outcome === 'sinks' ? 'sinks' : 'neutrally buoyant'}`;
  return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title };
}
