// Physical quantities as people write them ("20 m/s", "20 meters per second", "2-metre", "1.5 × 10^11 m",
// "k = 50 N/m", "μ = 0.2", "45°", "pi/4 rad"), converted to SI. Only the original text is read, so units
// and symbols survive; every function returns undefined when nothing of the kind is written.
import { wordNumber } from '../../../text/parse.ts';

const WORDS = 'zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|half an?|a half';
const SUPERSCRIPT: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-', '⁺': '+' };
/** A number: 20, -3.5, .5, 1e5, 1,000, 1.5 × 10^11, 1.5x10¹¹, or a small number word. */
export const NUM = String.raw`(?:[-+−]?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?:e[-+]?\d+)?(?:\s*(?:×|x|\*)\s*10\s*(?:\^\s*\(?[-+−]?\d+\)?|[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))?|[-+−]?\.\d+|(?:${WORDS}))`;

/** The value of a NUM match. */
export function parseNum(raw: string): number {
  const s = raw.trim().toLowerCase().replace(/−/g, '-');
  if (/^(half an?|a half)$/.test(s)) return 0.5;
  const word = /^[a-z]+$/.test(s) ? wordNumber(s) : undefined;
  if (word !== undefined) return word;
  const sci = /^([-+]?[\d.,]+(?:e[-+]?\d+)?)\s*(?:×|x|\*)\s*10\s*(?:\^\s*\(?([-+]?\d+)\)?|([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))$/.exec(s);
  if (sci) {
    const exp = sci[2] ?? [...sci[3]!].map((c) => SUPERSCRIPT[c]).join('');
    return Number(sci[1]!.replace(/,/g, '')) * 10 ** Number(exp);
  }
  return Number(s.replace(/,/g, '').replace(/^\+/, ''));
}

/** A unit spelling and the factor that turns it into SI. */
export type UnitTable = readonly (readonly [spelling: string, factor: number])[];

export const AU_M = 1.495978707e11;

export const LENGTH_UNITS: UnitTable = [
  ['kilometres', 1000],
  ['kilometers', 1000],
  ['kilometre', 1000],
  ['kilometer', 1000],
  ['km', 1000],
  ['centimetres', 0.01],
  ['centimeters', 0.01],
  ['centimetre', 0.01],
  ['centimeter', 0.01],
  ['cm', 0.01],
  ['millimetres', 0.001],
  ['millimeters', 0.001],
  ['mm', 0.001],
  ['metres', 1],
  ['meters', 1],
  ['metre', 1],
  ['meter', 1],
  ['m', 1],
  ['feet', 0.3048],
  ['foot', 0.3048],
  ['ft', 0.3048],
  ['astronomical units', AU_M],
  ['astronomical unit', AU_M],
  ['au', AU_M],
];

export const SPEED_UNITS: UnitTable = [
  ['metres per second', 1],
  ['meters per second', 1],
  ['metre per second', 1],
  ['meter per second', 1],
  ['m/s', 1],
  ['m/sec', 1],
  ['m s^-1', 1],
  ['m s⁻¹', 1],
  ['m·s⁻¹', 1],
  ['ms^-1', 1],
  ['ms⁻¹', 1],
  ['mps', 1],
  ['kilometres per hour', 1 / 3.6],
  ['kilometers per hour', 1 / 3.6],
  ['km/h', 1 / 3.6],
  ['km/hr', 1 / 3.6],
  ['kph', 1 / 3.6],
  ['kmh', 1 / 3.6],
  ['kilometres per second', 1000],
  ['kilometers per second', 1000],
  ['km/s', 1000],
  ['miles per hour', 0.44704],
  ['mph', 0.44704],
  ['feet per second', 0.3048],
  ['ft/s', 0.3048],
  ['knots', 0.514444],
  ['knot', 0.514444],
];

export const ACCELERATION_UNITS: UnitTable = [
  ['metres per second squared', 1],
  ['meters per second squared', 1],
  ['metres per second per second', 1],
  ['meters per second per second', 1],
  ['m/s^2', 1],
  ['m/s²', 1],
  ['m/s2', 1],
  ['m s^-2', 1],
  ['m s⁻²', 1],
  ['m·s⁻²', 1],
  ['ms^-2', 1],
  ['ms⁻²', 1],
  ['m/s/s', 1],
];

export const MASS_UNITS: UnitTable = [
  ['kilograms', 1],
  ['kilogram', 1],
  ['kilos', 1],
  ['kilo', 1],
  ['kg', 1],
  ['grams', 0.001],
  ['gram', 0.001],
  ['gr', 0.001],
  ['g', 0.001],
  ['tonnes', 1000],
  ['tonne', 1000],
  ['metric tons', 1000],
  ['tons', 1000],
  ['ton', 1000],
  ['pounds', 0.45359237],
  ['pound', 0.45359237],
  ['lbs', 0.45359237],
  ['lb', 0.45359237],
];

export const STIFFNESS_UNITS: UnitTable = [
  ['newtons per metre', 1],
  ['newtons per meter', 1],
  ['newton per metre', 1],
  ['newton per meter', 1],
  ['kN/m', 1000],
  ['N/cm', 100],
  ['N/mm', 1000],
  ['N/m', 1],
  ['N m^-1', 1],
  ['N m⁻¹', 1],
  ['N·m⁻¹', 1],
];

export const FREQUENCY_UNITS: UnitTable = [
  ['kilohertz', 1000],
  ['kHz', 1000],
  ['hertz', 1],
  ['Hz', 1],
  ['cycles per second', 1],
  ['per second', 1],
  ['s^-1', 1],
  ['s⁻¹', 1],
  ['/s', 1],
];

export const TIME_UNITS: UnitTable = [
  ['seconds', 1],
  ['second', 1],
  ['secs', 1],
  ['sec', 1],
  ['s', 1],
  ['minutes', 60],
  ['minute', 60],
  ['min', 60],
  ['hours', 3600],
  ['hour', 3600],
  ['days', 86400],
  ['day', 86400],
  ['years', 365.25 * 86400],
  ['year', 365.25 * 86400],
];

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s+');
}

export interface Found {
  value: number;
  /** Where the number starts and the unit ends in the text. */
  index: number;
  end: number;
  /** The unit as written. */
  unit: string;
}

/**
 * Every quantity written with one of `units`, in order, converted to SI. A unit must not run on into
 * another unit ("m" in "m/s", "m/s" in "m/s²", "meters" in "meters per second").
 */
export function allQuantities(text: string, units: UnitTable): Found[] {
  const sorted = [...units].sort((a, b) => b[0].length - a[0].length);
  const alternatives = sorted.map(([u]) => escape(u)).join('|');
  // Case matters only for N (newton) vs n; units are otherwise matched case-insensitively.
  const re = new RegExp(String.raw`(?<![\p{L}\d.])(${NUM})\s*-?\s*(${alternatives})(?![\p{L}\d/²³^⁻·]|\s+(?:per|squared)\b|\s*\/)`, 'giu');
  const out: Found[] = [];
  for (const m of text.matchAll(re)) {
    const written = m[2]!;
    const entry = sorted.find(([u]) => new RegExp(`^${escape(u)}$`, 'i').test(written));
    const value = parseNum(m[1]!);
    if (!entry || !Number.isFinite(value)) continue;
    // 12 significant digits: 3 ft is 0.9144 m, not 0.9144000000000001.
    out.push({ value: Number((value * entry[1]).toPrecision(12)), index: m.index, end: m.index + m[0].length, unit: written });
  }
  return out;
}

/** The first quantity written with one of `units`, in SI. */
export function quantityIn(text: string, units: UnitTable): number | undefined {
  return allQuantities(text, units)[0]?.value;
}

/**
 * A value after one of `names`, with or without a unit: "length of 2 m", "L = 2", "k: 50 N/m",
 * "height is 3 km". A unit from `units` after the number converts it; with none, the number is SI already.
 */
export function namedQuantity(text: string, names: string[], units: UnitTable = []): number | undefined {
  const alternatives = names.map(escape).join('|');
  const re = new RegExp(String.raw`(?<![\p{L}\d])(?:${alternatives})\s*(?:=|:|of|is|equals|equal to|about|around|approximately|≈|~)?\s*(?:of\s+|about\s+)?(${NUM})`, 'iu');
  const m = re.exec(text);
  if (!m) return undefined;
  const value = parseNum(m[1]!);
  if (!Number.isFinite(value)) return undefined;
  const after = text.slice(m.index + m[0].length - m[1]!.length);
  const withUnit = allQuantities(after, units)[0];
  return withUnit && withUnit.index === 0 ? withUnit.value : value;
}

/**
 * An angle in degrees: "45°", "45 degrees", "45-degree", "pi/4 rad", "0.785 radians", "angle of 30",
 * "θ = 30". A bare number after "angle"/"θ" is taken as degrees (how people write launch angles).
 */
export function angleIn(text: string): number | undefined {
  const deg = new RegExp(String.raw`(?<![\p{L}\d.])(${NUM})\s*-?\s*(?:°|º|deg(?:rees?|res?|s)?\b)`, 'iu').exec(text);
  if (deg) return parseNum(deg[1]!);
  // "pi/4", "π/3 rad", "2pi/3": "pi" must be a word of its own ("spinning" has no angle in it).
  const pi = /(?<![\p{L}\d.])(\d+(?:\.\d+)?)?\s*\*?\s*(?:pi|π)(?![\p{L}])\s*(?:\/\s*(\d+(?:\.\d+)?))?/iu.exec(text);
  if (pi) return ((pi[1] ? Number(pi[1]) : 1) / (pi[2] ? Number(pi[2]) : 1)) * 180;
  const rad = new RegExp(String.raw`(?<![\p{L}\d.])(${NUM})\s*-?\s*(?:rad|radians?)\b`, 'iu').exec(text);
  if (rad) return (parseNum(rad[1]!) * 180) / Math.PI;
  return namedQuantity(text, ['angle', 'θ', 'theta', 'elevation', 'inclination']);
}

export const VOLUME_UNITS: UnitTable = [
  ['cubic metres', 1],
  ['cubic meters', 1],
  ['cubic metre', 1],
  ['cubic meter', 1],
  ['m^3', 1],
  ['m³', 1],
  ['m3', 1],
  ['cubic centimetres', 1e-6],
  ['cubic centimeters', 1e-6],
  ['cubic centimetre', 1e-6],
  ['cubic centimeter', 1e-6],
  ['cm^3', 1e-6],
  ['cm³', 1e-6],
  ['cm3', 1e-6],
  ['cc', 1e-6],
  ['litres', 1e-3],
  ['liters', 1e-3],
  ['litre', 1e-3],
  ['liter', 1e-3],
  ['millilitres', 1e-6],
  ['milliliters', 1e-6],
  ['millilitre', 1e-6],
  ['milliliter', 1e-6],
  ['ml', 1e-6],
  ['L', 1e-3],
];

export const DENSITY_UNITS: UnitTable = [
  ['kilograms per cubic metre', 1],
  ['kilograms per cubic meter', 1],
  ['kg/m^3', 1],
  ['kg/m³', 1],
  ['kg/m3', 1],
  ['kg m^-3', 1],
  ['kg m⁻³', 1],
  ['kgm^-3', 1],
  ['kgm⁻³', 1],
  ['grams per cubic centimetre', 1000],
  ['grams per cubic centimeter', 1000],
  ['g/cm^3', 1000],
  ['g/cm³', 1000],
  ['g/cm3', 1000],
  ['g/cc', 1000],
  ['g/ml', 1000],
  ['g/mL', 1000],
  ['g cm^-3', 1000],
  ['g cm⁻³', 1000],
];
