// A small bundled table of the Sun, the eight planets and the Moon (NASA planetary fact sheets, mean
// values), so orbit periods and surface gravities work offline. Orbits are mean distances from the body
// each one circles; periods are sidereal, kept to check Kepler's third law against, never to replace it.

export const G_NEWTON = 6.6743e-11; // m³ kg⁻¹ s⁻²
export const DAY_S = 86400;

export interface Body {
  name: string;
  mass_kg: number;
  radius_m: number;
  /** Surface gravity in m/s² (Earth rounded to the 9.81 the templates use). */
  g_mps2: number;
  /** What it orbits, its mean orbital radius (semi-major axis) and sidereal period. */
  orbits?: { central: string; radius_m: number; period_days: number };
  /**
   * The body's colour as people know it (a fixed sRGB value, not a palette role): Saturn is pale gold and Mars
   * rust in every style, never whatever the theme's accent happens to be (the scientific accent is pink).
   */
  color: string;
}

export const BODIES: readonly Body[] = [
  { name: 'Sun', mass_kg: 1.9885e30, radius_m: 6.957e8, g_mps2: 274, color: '#fdb813' },
  { name: 'Mercury', mass_kg: 3.3011e23, radius_m: 2.4397e6, g_mps2: 3.7, orbits: { central: 'Sun', radius_m: 5.7909e10, period_days: 87.969 }, color: '#a8a29e' },
  { name: 'Venus', mass_kg: 4.8675e24, radius_m: 6.0518e6, g_mps2: 8.87, orbits: { central: 'Sun', radius_m: 1.0821e11, period_days: 224.701 }, color: '#e8d3a2' },
  { name: 'Earth', mass_kg: 5.9722e24, radius_m: 6.371e6, g_mps2: 9.81, orbits: { central: 'Sun', radius_m: 1.496e11, period_days: 365.256 }, color: '#3b82f6' },
  { name: 'Mars', mass_kg: 6.4171e23, radius_m: 3.3895e6, g_mps2: 3.71, orbits: { central: 'Sun', radius_m: 2.2794e11, period_days: 686.98 }, color: '#d9603b' },
  { name: 'Jupiter', mass_kg: 1.89819e27, radius_m: 6.9911e7, g_mps2: 24.79, orbits: { central: 'Sun', radius_m: 7.7848e11, period_days: 4332.59 }, color: '#d8a067' },
  { name: 'Saturn', mass_kg: 5.6834e26, radius_m: 5.8232e7, g_mps2: 10.44, orbits: { central: 'Sun', radius_m: 1.43353e12, period_days: 10759.22 }, color: '#e3cb8b' },
  { name: 'Uranus', mass_kg: 8.6813e25, radius_m: 2.5362e7, g_mps2: 8.69, orbits: { central: 'Sun', radius_m: 2.87246e12, period_days: 30688.5 }, color: '#9fe1e8' },
  { name: 'Neptune', mass_kg: 1.02413e26, radius_m: 2.4622e7, g_mps2: 11.15, orbits: { central: 'Sun', radius_m: 4.49506e12, period_days: 60195 }, color: '#4466d6' },
  { name: 'Moon', mass_kg: 7.342e22, radius_m: 1.7374e6, g_mps2: 1.62, orbits: { central: 'Earth', radius_m: 3.844e8, period_days: 27.3217 }, color: '#cbd5e1' },
];

export const PLANET_NAMES = ['Mercury', 'Venus', 'Earth', 'Mars', 'Jupiter', 'Saturn', 'Uranus', 'Neptune'] as const;
export type PlanetName = (typeof PLANET_NAMES)[number];

/** A body by name, any case ("earth", "the Moon"); undefined when it is not in the table. */
export function findBody(name: string): Body | undefined {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/^the\s+/, '');
  return BODIES.find((b) => b.name.toLowerCase() === key);
}

/** Every body named in the text, in the order written ("Sol" is the Sun, "Luna" the Moon). */
export function bodiesIn(text: string): Body[] {
  const found: { at: number; body: Body }[] = [];
  for (const body of BODIES) {
    const spellings = body.name === 'Sun' ? 'sun|sol' : body.name === 'Moon' ? 'moon|luna' : body.name.toLowerCase();
    const m = new RegExp(String.raw`\b(?:${spellings})\b`, 'i').exec(text);
    if (m) found.push({ at: m.index, body });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.body);
}
