// A triangle's sides and angles as teachers write them: "a = 5, b = 7, C = 60°", "angle A is 40 degrees",
// "BC = 8 cm" (the side opposite A), "∠ABC = 35°" (the angle at B), "sides 5, 6 and 7", "two sides 8 and 11
// with 40° between them", "C = π/3". Lower-case letters are sides and capitals angles, as in every textbook;
// a letter with a degree sign, or after "angle", is an angle whatever its case. Angles come back in degrees.
import { evaluateConstant } from './expression.ts';
import { fmt } from './chart.ts';
import { ANGLES, SIDES, type AngleName, type Given, type SideName } from './triangle.ts';

const NUM = String.raw`(?:\d+(?:\.\d+)?|\.\d+)`;
/** A value: a number, or a multiple of π ("π/3", "2pi/3"). */
const VALUE = String.raw`((?:${NUM}\s*\*?\s*)?(?:π|pi)(?:\s*\/\s*${NUM})?|${NUM})`;
const ANGLE_UNIT = String.raw`(°|º|degrees?\b|degs?\b|rad(?:ians?)?\b)?`;
const IS = String.raw`\s*(?:=|:|is|of|equals|measures)?\s*`;

export interface TriangleReading {
  given: Given;
  /** The angle or side asked for ("find angle C", "the largest angle"), when one is. */
  find?: SideName | AngleName | 'largest' | 'smallest';
  /** Whether the user wrote angles in radians or asked for them. */
  radians: boolean;
  /** Whether an unnamed angle was said to lie between the two sides ("the angle between them", "included angle"). */
  included: boolean;
}

function value(raw: string, unitWord: string | undefined, isAngle: boolean): { v: number; rad: boolean } | undefined {
  const pi = /π|pi/i.test(raw);
  const v = pi ? evaluateConstant(raw.replace(/\s+/g, '').replace(/pi/i, 'pi')) : Number(raw);
  if (v === undefined || !Number.isFinite(v)) return undefined;
  const rad = isAngle && (pi || /^rad/i.test(unitWord ?? ''));
  return { v: rad ? Number(((v * 180) / Math.PI).toPrecision(12)) : v, rad };
}

const PAIR_SIDE: Record<string, SideName> = { BC: 'a', CB: 'a', AC: 'b', CA: 'b', AB: 'c', BA: 'c' };

/** Numbers that count something else ("year 10", "GCSE question 4"), not sides or angles. */
const NOT_A_MEASURE = /\b(?:year|yr|grade|ks|key stage|level|class|form|set|unit|chapter|question|q|page|p|gcse|top|first|last|row|rows|step|part|example|ex)\s*$/i;

/**
 * `prefer`: where an unnamed angle goes when two sides are given and the text does not say: "included" (between
 * them: the law of cosines' SAS) or "opposite" (opposite the first side: the law of sines' ambiguous case).
 */
export function readTriangle(original: string, warnings: string[], prefer: 'included' | 'opposite' = 'opposite'): TriangleReading {
  // Exponents ("c^2", "a²") are not values; "−" is a minus.
  let src = original
    .replace(/[−–]/g, '-')
    .replace(/\^\s*\d+/g, ' ')
    .replace(/[²³]/g, ' ');
  // "angles 40 and 75 degrees": the unit written once stands for the whole list.
  src = src.replace(new RegExp(String.raw`\bangles\s+(?:of\s+)?(${NUM})\s*(?:°|º)?\s*(,|and|&)\s*(${NUM})\s*(°|º|degrees?\b)`, 'gi'), (_m, x: string, sep: string, y: string) => `angles ${x}° ${sep} ${y}°`);
  const given: Given = {};
  let radians = /\bradians?\b|\bin rad\b/i.test(src);
  const set = (name: SideName | AngleName, v: number) => {
    if (given[name] === undefined) given[name] = v;
    else if (given[name] !== v) warnings.push(`${name} is given twice (${fmt(given[name]!, 4)} and ${fmt(v, 4)}); using ${fmt(given[name]!, 4)}`);
  };
  const take = (re: RegExp, f: (m: RegExpExecArray) => void) => {
    src = src.replace(re, (...args) => {
      f(args as unknown as RegExpExecArray);
      return ' ';
    });
  };
  // "∠ABC = 35°", "angle ABC is 35": the angle at the middle letter.
  take(new RegExp(String.raw`(?:∠|\bangle\s+)([ABCabc])([ABCabc])([ABCabc])${IS}${VALUE}\s*${ANGLE_UNIT}`, 'g'), (m) => {
    const v = value(m[4]!, m[5], true);
    if (v) {
      set(m[2]!.toUpperCase() as AngleName, v.v);
      radians ||= v.rad;
    }
  });
  // "angle C = 60", "∠A 40°", "C = 60°", "c = 60 degrees": angles.
  take(new RegExp(String.raw`(?:∠\s*|\bangle\s+)([ABCabc])\b${IS}${VALUE}\s*${ANGLE_UNIT}`, 'g'), (m) => {
    const v = value(m[2]!, m[3], true);
    if (v) {
      set(m[1]!.toUpperCase() as AngleName, v.v);
      radians ||= v.rad;
    }
  });
  take(new RegExp(String.raw`(?<![A-Za-z'’])([abcABC])\s*(?:=|:)\s*${VALUE}\s*(°|º|degrees?\b|degs?\b|rad(?:ians?)?\b)`, 'g'), (m) => {
    const v = value(m[2]!, m[3], true);
    if (v) {
      set(m[1]!.toUpperCase() as AngleName, v.v);
      radians ||= v.rad;
    }
  });
  take(new RegExp(String.raw`(?<![A-Za-z'’])([ABC])\s*(?:=|:)\s*${VALUE}(?![\d.A-Z])`, 'g'), (m) => {
    const v = value(m[2]!, undefined, true);
    if (v) {
      set(m[1] as AngleName, v.v);
      radians ||= v.rad;
    }
  });
  // "BC = 8", "side AB is 5 cm": the side opposite the corner not named.
  take(new RegExp(String.raw`(?<![A-Za-z])(?:side\s+)?(AB|BA|BC|CB|AC|CA)(?![A-Za-z])${IS}(${NUM})`, 'g'), (m) => set(PAIR_SIDE[m[1]!]!, Number(m[2])));
  // "a = 5", "side b is 7", "side C 4": sides.
  take(new RegExp(String.raw`\bside\s+([abcABC])\b${IS}(${NUM})`, 'g'), (m) => set(m[1]!.toLowerCase() as SideName, Number(m[2])));
  take(new RegExp(String.raw`(?<![A-Za-z'’])([abc])\s*(?:=|:)\s*(${NUM})(?![\d.A-Z])`, 'g'), (m) => set(m[1] as SideName, Number(m[2])));

  // What is asked for, before the unnamed numbers are read (its letter is not a value).
  let find: TriangleReading['find'];
  const asked = /\b(?:find|calculate|work out|what is|what's|determine|solve for|missing)\s+(?:the\s+)?(?:size of\s+|length of\s+)?(?:(angle|side)\s+)?([ABCabc])\b(?!\s*(?:=|:|triangle))/i.exec(src);
  if (/\b(?:largest|biggest|greatest|obtuse) angle\b/i.test(src)) find = 'largest';
  else if (/\bsmallest angle\b/i.test(src)) find = 'smallest';
  // A bare "a" after "find" is the article ("find a missing side"), not side a.
  else if (asked && !(asked[1] === undefined && asked[2] === 'a')) {
    const letter = asked[2]!;
    find = asked[1]?.toLowerCase() === 'angle' ? (letter.toUpperCase() as AngleName) : asked[1]?.toLowerCase() === 'side' ? (letter.toLowerCase() as SideName) : (letter as SideName | AngleName);
  }
  // "c = ?", "angle C = ?": asked for too.
  const unknown = /(?:\bangle\s+)?(?<![A-Za-z])([ABCabc])\s*=\s*\?/.exec(src);
  if (!find && unknown) find = (unknown[0].toLowerCase().startsWith('angle') ? unknown[1]!.toUpperCase() : unknown[1]) as SideName | AngleName;

  // The rest: numbers with a degree sign are angles, other numbers sides, in the order written.
  const included = /\b(?:between them|between the (?:two )?sides|included|enclosed|contained)\b/i.test(src);
  const freeAngles: number[] = [];
  const freeSides: number[] = [];
  const re = new RegExp(
    String.raw`(?<![A-Za-z_\d.])${VALUE}\s*(°|º|degrees?\b|degs?\b|rad(?:ians?)?\b|mm\b|cm\b|km\b|m\b|in\b\.?|inch(?:es)?\b|ft\b|feet\b|foot\b|yd\b|yards?\b|mi\b|miles?\b|units?\b|metres?\b|meters?\b|centimet(?:re|er)s?\b)?(?![A-Za-z_\d])`,
    'gi',
  );
  for (const m of src.matchAll(re)) {
    if (NOT_A_MEASURE.test(src.slice(Math.max(0, m.index - 14), m.index))) continue;
    const unitWord = m[2];
    const isAngle = !!unitWord && /^(?:°|º|deg|rad)/i.test(unitWord);
    const v = value(m[1]!, unitWord, isAngle || /π|pi/i.test(m[1]!));
    if (!v) continue;
    if (isAngle || /π|pi/i.test(m[1]!)) {
      freeAngles.push(v.v);
      radians ||= v.rad;
    } else freeSides.push(v.v);
  }
  const openSides = SIDES.filter((n) => given[n] === undefined);
  if (freeSides.length > openSides.length) {
    warnings.push(`${freeSides.length + 3 - openSides.length} lengths given; a triangle has three sides, so the first ${openSides.length === 3 ? 'three' : openSides.length} unnamed ones are used`);
  }
  // One side "between" two unnamed angles (ASA): it joins their corners, so it faces the third angle.
  const asa = included && freeSides.length === 1 && openSides.length === 3 && freeAngles.length === 2 && ANGLES.every((n) => given[n] === undefined);
  if (asa) {
    given.A = freeAngles[0];
    given.B = freeAngles[1];
    given.c = freeSides[0];
    freeAngles.length = 0;
  } else freeSides.slice(0, openSides.length).forEach((v, i) => (given[openSides[i]!] = v));
  // An unnamed angle with two sides is the one between them when the text says so (or the template prefers it),
  // else the first angle not yet given: A, opposite the first side (the ambiguous case).
  const sidesNow = SIDES.filter((n) => given[n] !== undefined);
  for (const v of freeAngles) {
    const open = ANGLES.filter((n) => given[n] === undefined);
    if (!open.length) {
      warnings.push(`more than three angles given; ${fmt(v, 4)}° is not used`);
      continue;
    }
    const between = sidesNow.length === 2 ? (ANGLES[SIDES.findIndex((n) => given[n] === undefined)] as AngleName) : undefined;
    const name = (included || prefer === 'included') && between && given[between] === undefined ? between : open[0]!;
    given[name] = v;
  }
  return { given, radians, included, ...(find ? { find } : {}) };
}

export { ANGLES, SIDES };
