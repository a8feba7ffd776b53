// Reading a market from the words people type: "Qd = 100 − 2P, Qs = 20 + 2P", the inverse form "P = 50 − 0.5Q",
// two points on a curve ("demand: P = 10, Q = 80 and P = 30, Q = 40"), a shift ("demand rises by 20", "supply
// falls by 10", "a tax of 5", "a subsidy of 2") and the units of price and quantity.
import type { Line, Shift } from './market.ts';

const NUM = String.raw`\d+(?:\.\d+)?|\.\d+`;

/** "100 − 2P", "2p + 20", "50 - q/2", "0.5P": c + k·v, or undefined when the text is not linear in v alone. */
export function linearIn(expr: string, v: 'p' | 'q'): { c: number; k: number } | undefined {
  const s = expr
    .toLowerCase()
    .replace(/[−–]/g, '-')
    .replace(/[\s*·×]/g, '');
  if (!s) return undefined;
  const terms = s.match(/[+-]?[^+-]+/g);
  if (!terms || terms.join('') !== s) return undefined;
  let c = 0;
  let k = 0;
  const term = new RegExp(String.raw`^([+-]?)(${NUM})?(${v})?(?:\/(${NUM}))?$`);
  for (const t of terms) {
    const m = term.exec(t);
    if (!m || (m[2] === undefined && m[3] === undefined)) return undefined;
    const value = ((m[1] === '-' ? -1 : 1) * (m[2] === undefined ? 1 : Number(m[2]))) / (m[4] === undefined ? 1 : Number(m[4]));
    if (!Number.isFinite(value)) return undefined;
    if (m[3]) k += value;
    else c += value;
  }
  return k === 0 ? undefined : { c, k };
}

type Which = 'demand' | 'supply' | undefined;

/** Which curve a subscript or a nearby word names: "Qd", "Q_s", "Qdemand", or "demand: Q = …". */
function whichOf(sub: string | undefined, before: string): Which {
  const s = (sub ?? '').toLowerCase();
  if (s.startsWith('d')) return 'demand';
  if (s.startsWith('s')) return 'supply';
  // The word names the curve only when the equation follows it ("demand: Q = …", "supply is Q = …", "the demand
  // curve Q = …"); "supply and demand: Q = …" names the topic, not one curve.
  const m = /\b(demand|supply)(?:\s+(?:curve|function|equation|schedule))?\s*(?:is|:|-|=|of|by)?\s*$/.exec(before.replace(/\b(?:supply and demand|demand and supply)\b/g, ' '));
  return m ? (m[1] as 'demand' | 'supply') : undefined;
}

// "Qd = 100 − 2P", "Q_s = 20 + 2P", "Q(d) = …", "P = 50 − 0.5Q", "Pd = …": the variable, its subscript, the right-hand side.
const EQUATION = new RegExp(String.raw`\b([QP])\s*_?\s*\(?\s*(d|s|demand|supply|demanded|supplied)?\s*\)?\s*=\s*([-−–+]?\s*(?:${NUM}|[PQpq])[\dPQpq.+\-−–*·×/ ]*)`, 'gi');

/** The demand and supply equations written in the text. */
export function curvesFromEquations(src: string): { demand?: Line; supply?: Line; unlabelled: Line[] } {
  const out: { demand?: Line; supply?: Line; unlabelled: Line[] } = { unlabelled: [] };
  for (const m of src.matchAll(EQUATION)) {
    const lhs = m[1]!.toLowerCase() as 'p' | 'q';
    // "P = 10 Q = 80" is two values, not an equation: drop a trailing variable that has its own "=".
    let rhs = m[3]!;
    const after = src.slice(m.index + m[0].length);
    if (/^\s*=/.test(after)) rhs = rhs.replace(/[PQpq]\s*$/, '');
    const lin = linearIn(rhs.trim(), lhs === 'q' ? 'p' : 'q');
    if (!lin) continue;
    // P = α + βQ is Q = (P − α)/β: the same line written the other way round.
    const line: Line = lhs === 'q' ? { intercept: lin.c, slope: lin.k } : { intercept: -lin.c / lin.k, slope: 1 / lin.k };
    const which = whichOf(m[2], src.slice(0, m.index).toLowerCase());
    if (which && !out[which]) out[which] = line;
    else if (!which) out.unlabelled.push(line);
  }
  return out;
}

const PRICE_AT = new RegExp(String.raw`\b(?:p|price)\s*(?:=|:|is|of)?\s*[$£€¥]?\s*(${NUM})`, 'gi');
const QUANTITY_AT = new RegExp(String.raw`\b(?:q[ds]?|quantity(?:\s+(?:demanded|supplied))?)\s*(?:=|:|is|of)?\s*(${NUM})`, 'gi');

/** A line through two (P, Q) points written after "demand" or "supply": "P = 10, Q = 80 and P = 30, Q = 40". */
export function curveFromPoints(src: string, which: 'demand' | 'supply'): Line | undefined {
  const other = which === 'demand' ? 'supply' : 'demand';
  for (const start of [...src.toLowerCase().matchAll(new RegExp(String.raw`\b${which}\b`, 'g'))].map((m) => m.index)) {
    const rest = src.slice(start);
    const end = rest.toLowerCase().search(new RegExp(String.raw`\b${other}\b`));
    const segment = end < 0 ? rest : rest.slice(0, end);
    const ps = [...segment.matchAll(PRICE_AT)].map((m) => Number(m[1]));
    const qs = [...segment.matchAll(QUANTITY_AT)].map((m) => Number(m[1]));
    if (ps.length >= 2 && qs.length >= 2 && ps[0] !== ps[1]) {
      const slope = (qs[1]! - qs[0]!) / (ps[1]! - ps[0]!);
      return { intercept: qs[0]! - slope * ps[0]!, slope };
    }
  }
  return undefined;
}

const RISE = String.raw`rises|rise|increases|increase|goes up|grows|shifts? (?:to the )?right|shifts? out(?:wards?)?`;
const FALL = String.raw`falls|fall|decreases|decrease|goes down|drops|shrinks|shifts? (?:to the )?left|shifts? in(?:wards?)?`;

/** "demand rises by 20", "an increase in supply of 15", "a tax of $5 per unit", "a £2 subsidy". */
export function shiftFromText(src: string): Shift | { kind: Shift['kind']; amount: undefined } | undefined {
  const s = src.toLowerCase().replace(/[−–]/g, '-');
  const money = String.raw`[$£€¥]?\s*(${NUM})`;
  const tax = new RegExp(String.raw`\b(tax|subsidy)\s+(?:of\s+)?${money}|${money}\s*(?:per[ -]unit\s+|unit\s+|specific\s+)?(tax|subsidy)\b`).exec(s);
  if (tax) return { kind: (tax[1] ?? tax[4]) as 'tax' | 'subsidy', amount: Number(tax[2] ?? tax[3]) };
  const curve = new RegExp(String.raw`\b(demand|supply)\s+(?:curve\s+)?(${RISE}|${FALL})(?:\s+by\s+(${NUM}))?|\b(increase|rise|fall|decrease|drop)\s+in\s+(demand|supply)(?:\s+(?:of|by)\s+(${NUM}))?`).exec(s);
  if (curve) {
    const kind = (curve[1] ?? curve[5]) as 'demand' | 'supply';
    const up = new RegExp(String.raw`^(?:${RISE}|increase|rise)$`).test(curve[2] ?? curve[4]!);
    const amount = curve[3] ?? curve[6];
    return { kind, amount: amount === undefined ? undefined : (up ? 1 : -1) * Number(amount) };
  }
  if (/\b(?:per[ -]unit|specific|excise) tax\b|\bsubsid(?:y|ies)\b/.test(s)) return { kind: /subsid/.test(s) ? 'subsidy' : 'tax', amount: undefined };
  return undefined;
}

export const PRICE_UNITS = ['$', '£', '€', '¥'] as const;

/** The currency prices are in: "$", "£", "€" or "¥" as written, or the words for them. */
export function priceUnitOf(src: string): (typeof PRICE_UNITS)[number] | undefined {
  if (/\$|\bdollars?\b/i.test(src)) return '$';
  if (/£|\bpounds?\b/i.test(src)) return '£';
  if (/€|\beuros?\b/i.test(src)) return '€';
  if (/¥|\byen\b/i.test(src)) return '¥';
  return undefined;
}

/** The unit of quantity named in the text: "Q in kg", "quantity (thousands)", "tonnes per week". */
export function quantityUnitOf(src: string): string | undefined {
  const m = /\b(?:q|quantity)\s*(?:in|\()\s*(thousands|millions|kg|tonnes|tons|litres|liters|units|cups|loaves|tickets|hours)\b/i.exec(src) ?? /\b(thousands of units|tonnes|kg|litres|liters|cups of coffee|loaves|tickets)\b/i.exec(src);
  return m?.[1]?.toLowerCase();
}
