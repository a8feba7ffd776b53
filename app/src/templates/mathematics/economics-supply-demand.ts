// economics.supply_demand: the user's straight demand and supply curves on P–Q axes, the equilibrium solved where
// they cross (quantity demanded = quantity supplied) and marked on both axes; then, when the text gives one, a shift
// of demand or supply, or a per-unit tax or subsidy, moves a curve and the new equilibrium is compared with the old.
// With no curves in the text the market is a neutral example, and the title and first caption say so.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { MINUS, GROUP_SEPARATOR, withUnit } from '../format/index.ts';
import { roleColor } from '../emphasis/roles.ts';
import { axesObject, fmt, toWorld, type Chart } from './chart.ts';
import { markUsed } from './progression.ts';
import { niceStep } from './sampling.ts';
import { equilibrium, marketFacts, marketProblem, shifted, type Line, type Shift } from './market.ts';
import { curveFromPoints, curvesFromEquations, PRICE_UNITS, priceUnitOf, quantityUnitOf, shiftFromText } from './market-text.ts';

type SceneObject = Composition['objects'][number];

/** The neutral example market drawn when the text gives no curves (and said to be an example). */
export const EXAMPLE_DEMAND: Line = { intercept: 100, slope: -2 };
export const EXAMPLE_SUPPLY: Line = { intercept: 20, slope: 2 };

const line = (what: string) =>
  z.object({
    intercept: z.number().finite().min(-1e6).max(1e6).describe(`${what} at a price of 0`),
    slope: z.number().finite().min(-1e4).max(1e4).describe(`change in ${what} for each 1 the price rises`),
  });

const params = z
  .object({
    demand: line('quantity demanded').default(EXAMPLE_DEMAND).describe('demand Qd = intercept + slope × P (slope below 0)'),
    supply: line('quantity supplied').default(EXAMPLE_SUPPLY).describe('supply Qs = intercept + slope × P (slope above 0)'),
    shift: z
      .object({
        kind: z.enum(['demand', 'supply', 'tax', 'subsidy']).describe('what changes: demand or supply moves, or a per-unit tax or subsidy'),
        amount: z.number().finite().min(-1e6).max(1e6).describe('units more (or, below 0, fewer) at every price; the tax or subsidy per unit'),
      })
      .nullable()
      .default(null)
      .describe('a change to compare with the first equilibrium (none: null)'),
    price_unit: z
      .enum(['', ...PRICE_UNITS])
      .default('$')
      .describe('currency of the price axis'),
    quantity_unit: z.string().trim().min(1).max(20).default('units').describe('unit of the quantity axis (units, kg, thousands …)'),
    example: z.boolean().default(true).describe('true when no curves were given: the scene says the market is an example'),
  })
  // Curves other than the example's are someone's own: they are never called an example.
  .transform((p) => ({ ...p, example: p.example && sameLine(p.demand, EXAMPLE_DEMAND) && sameLine(p.supply, EXAMPLE_SUPPLY) }));
type MarketParams = z.infer<typeof params>;

function sameLine(a: Line, b: Line): boolean {
  return a.intercept === b.intercept && a.slope === b.slope;
}

/** "100 − 2P", "20 + 2P", "−10 + 0.5P", "3P": a linear term in P as people write it. */
export function linearText(l: Line, v = 'P'): string {
  const k = Math.abs(l.slope);
  const kv = `${k === 1 ? '' : fmt(k, 4)}${v}`;
  if (l.intercept === 0) return l.slope < 0 ? `${MINUS}${kv}` : kv;
  return `${fmt(l.intercept, 4)} ${l.slope < 0 ? MINUS : '+'} ${kv}`;
}

/** "=" when the number shown is the value itself, "≈" when the screen rounds it. */
function equalsOrAbout(v: number, shown: string): string {
  return Math.abs(Number(shown.replace(MINUS, '-').replaceAll(GROUP_SEPARATOR, '')) - v) < 1e-9 * Math.max(1, Math.abs(v)) ? '=' : '≈';
}

/** A round top for an axis that shows `v` with room to spare. */
function axisTop(v: number): number {
  const step = niceStep(v, 5);
  return Math.ceil(v / step) * step;
}

/** The part of Q = a + bP inside 0 ≤ Q ≤ qMax, 0 ≤ P ≤ pMax, as (Q, P) points: low price first. */
function visible(l: Line, qMax: number, pMax: number): [number, number][] {
  const [pa, pb] = [(0 - l.intercept) / l.slope, (qMax - l.intercept) / l.slope];
  const lo = Math.max(0, Math.min(pa, pb));
  const hi = Math.min(pMax, Math.max(pa, pb));
  return [
    [l.intercept + l.slope * lo, lo],
    [l.intercept + l.slope * hi, hi],
  ];
}

const DEMAND_COLOUR = '$primary';
const SUPPLY_COLOUR = '$accent';
const SHIFTED_COLOUR = '$secondary';
const SELLER_COLOUR = '$warning';

export const economicsSupplyDemand = defineTemplate<MarketParams>({
  id: 'economics.supply_demand',
  title: 'Supply and demand',
  category: 'mathematics',
  style: 'mathematical',
  example: 'Supply and demand: Qd = 100 − 2P, Qs = 20 + 2P, then demand rises by 20',
  params,
  vocabulary: ['supply', 'demand', 'equilibrium', 'subsidy', 'surplus', 'shortage', 'economics', 'market'],
  triggers: [
    { pattern: /\b(?:supply and demand|demand and supply)\b(?! chain)/, score: 0.95 },
    { pattern: /\bq ?_? ?[ds] ?= ?/, score: 0.9 },
    { pattern: /\bmarket equilibrium\b|\bequilibrium (?:price|quantity)\b/, score: 0.85 },
    { pattern: /^(?!.*\belasticity\b)(?!.*\baggregate\b).*\b(?:demand|supply) curves?\b/, score: 0.85 },
    // Two points on each curve: "demand: P = 10, Q = 80 and P = 30, Q = 40; supply: …".
    { pattern: /\b(?:demand|supply)\b.*\bp\s*=\s*\d.*\bq\s*=\s*\d/i, on: 'original', score: 0.85 },
    { pattern: /\b(?:tax|subsidy)\b.*\b(?:supply|demand)\b|\b(?:supply|demand)\b.*\b(?:tax|subsidy)\b/, score: 0.8 },
  ],
  extract(text, warnings) {
    const out: Partial<MarketParams> = {};
    const src = text.original;
    const eq = curvesFromEquations(src);
    let demand = eq.demand ?? curveFromPoints(src, 'demand');
    let supply = eq.supply ?? curveFromPoints(src, 'supply');
    // Equations without a label are told apart by their slope: demand falls with the price, supply rises.
    for (const l of eq.unlabelled) {
      if (l.slope < 0 && !demand) demand = l;
      else if (l.slope > 0 && !supply) supply = l;
    }
    if (demand && supply) {
      out.demand = demand;
      out.supply = supply;
      out.example = false;
    } else if (demand || supply) {
      warnings.push(`only the ${demand ? 'demand' : 'supply'} curve was read: give both (e.g. "Qd = 100 − 2P, Qs = 20 + 2P"); showing an example market instead`);
    } else warnings.push('no demand and supply curves were given: showing an example market (write e.g. "Qd = 100 − 2P, Qs = 20 + 2P" to use your own)');
    const shift = shiftFromText(src);
    if (shift?.amount !== undefined) out.shift = shift as Shift;
    else if (shift) warnings.push(`the ${shift.kind} needs its size (e.g. "${shift.kind === 'tax' || shift.kind === 'subsidy' ? `a ${shift.kind} of 5` : `${shift.kind} rises by 20`}"); no change is drawn`);
    const cur = priceUnitOf(src);
    if (cur) out.price_unit = cur;
    const unit = quantityUnitOf(src);
    if (unit) out.quantity_unit = unit;
    markUsed(text, ['supply', 'demand', 'equilibrium', 'tax', 'subsidy']);
    return out;
  },
  misfit({ demand, supply, shift }) {
    if (shift && (shift.kind === 'tax' || shift.kind === 'subsidy') && !(shift.amount > 0)) return { message: `a ${shift.kind} must be above 0 per unit` };
    if (shift && shift.amount === 0) return { message: `a ${shift.kind} shift of 0 changes nothing: give its size, e.g. "${shift.kind} rises by 20"` };
    const problem = marketProblem(demand, supply, shift);
    return problem ? { message: problem } : undefined;
  },
  facts: ({ demand, supply, shift }) => marketFacts(demand, supply, shift),
  compose({ demand, supply, shift, price_unit: cur, quantity_unit: qUnit, example }) {
    const f = marketFacts(demand, supply, shift);
    const e1 = equilibrium(demand, supply);
    const after = shift ? shifted(demand, supply, shift) : undefined;
    const e2 = after ? equilibrium(after.demand, after.supply) : undefined;
    const price = (v: number) => `${cur}${fmt(v)}`;
    const qty = (v: number) => withUnit(fmt(v), qUnit);
    const tag = (i: number) => (e2 ? String.fromCharCode(0x2080 + i) : '*');

    // The axes: price up, quantity across, each to a round top past every equilibrium shown.
    const pMax = axisTop(1.6 * Math.max(e1.price, e2?.price ?? 0, f.seller_price ?? 0));
    const qMax = axisTop(1.6 * Math.max(e1.quantity, e2?.quantity ?? 0));
    const chart: Chart = { id: 'axes', x: -3.1, y: -0.35, width: 7.2, height: 5.9, xRange: [0, qMax], yRange: [0, pMax] };
    const W = (q: number, p: number) => toWorld(chart, [q, p]);
    const [left, bottom] = W(0, 0);
    const title = example ? 'Supply and demand: an example market' : `Supply and demand: Qd = ${linearText(demand)}, Qs = ${linearText(supply)}`;
    const objects: SceneObject[] = [
      { id: 'title', type: 'text', text: title, x: 0, y: 3.85, size: 0.44, weight: 700, color: '$foreground', maxWidth: 14.4 },
      axesObject(chart, { xLabel: `Q (${qUnit})`, yLabel: cur ? `P (${cur})` : 'P', grid: false, xStep: niceStep(qMax, 5), yStep: niceStep(pMax, 5) }),
    ];
    const curve = (id: string, l: Line, colour: string, label: string, labelAtHighPrice: boolean) => {
      const pts = visible(l, qMax, pMax);
      objects.push({ id, type: 'plot', axes: 'axes', points: pts, color: colour, width: 0.07 });
      const [q, p] = labelAtHighPrice ? pts[1]! : pts[0]!;
      const [x, y] = W(q, p);
      objects.push({ id: `${id}-label`, type: 'text', text: label, x: x + 0.3, y: y + (labelAtHighPrice ? -0.05 : 0.3), size: 0.34, weight: 700, color: colour });
    };
    // The new curve's label goes at the other end from the old one's, so the two never meet.
    curve('demand', demand, DEMAND_COLOUR, e2 && shift?.kind === 'demand' ? 'D₁' : 'D', false);
    curve('supply', supply, SUPPLY_COLOUR, e2 && shift?.kind !== 'demand' ? 'S₁' : 'S', true);
    if (after && shift) {
      if (shift.kind === 'demand') curve('shifted', after.demand, SHIFTED_COLOUR, 'D₂', true);
      else curve('shifted', after.supply, SHIFTED_COLOUR, shift.kind === 'supply' ? 'S₂' : shift.kind === 'tax' ? 'S + tax' : 'S + subsidy', false);
    }
    // Guides from an equilibrium to both axes, with its price and quantity written beside them.
    const marked = roleColor('marked');
    const guides = (i: number, e: { price: number; quantity: number }, other?: { price: number; quantity: number }) => {
      const [x, y] = W(e.quantity, e.price);
      const dash: [number, number] = [0.12, 0.08];
      objects.push({
        id: `e${i}-h`,
        type: 'line',
        points: [
          [left, y],
          [x, y],
        ],
        color: '$muted',
        width: 0.035,
        dash,
      });
      objects.push({
        id: `e${i}-v`,
        type: 'line',
        points: [
          [x, y],
          [x, bottom],
        ],
        color: '$muted',
        width: 0.035,
        dash,
      });
      objects.push({ id: `e${i}`, type: 'circle', x, y, radius: 0.13, fill: marked });
      // Two equilibria: the higher price is written above its guide, the lower below; the larger quantity right of its guide.
      const above = !other || e.price >= other.price;
      const right = !other || e.quantity >= other.quantity;
      objects.push({ id: `e${i}-p`, type: 'text', text: `P${tag(i)} = ${price(e.price)}`, x: left + 0.15, y: y + (above ? 0.24 : -0.24), size: 0.28, color: '$foreground', align: 'left', weight: 600 });
      objects.push({ id: `e${i}-q`, type: 'text', text: `Q${tag(i)} = ${fmt(e.quantity)}`, x: x + (right ? 0.12 : -0.12), y: bottom + 0.28, size: 0.28, color: '$foreground', align: right ? 'left' : 'right', weight: 600 });
    };
    guides(1, e1, e2);
    if (e2) guides(2, e2, e1);
    if (e2 && f.seller_price !== null) {
      const [x, y] = W(e2.quantity, f.seller_price);
      objects.push({
        id: 'seller-h',
        type: 'line',
        points: [
          [left, y],
          [x, y],
        ],
        color: SELLER_COLOUR,
        width: 0.035,
        dash: [0.12, 0.08],
      });
      objects.push({ id: 'seller-p', type: 'text', text: `sellers keep ${price(f.seller_price)}`, x: x + 0.15, y, size: 0.28, color: SELLER_COLOUR, align: 'left', weight: 600 });
    }

    // The panel: a legend naming each curve by its equation, then the working.
    const px = 1.55;
    const rowY = (i: number) => 2.55 - i * 0.5;
    const legendRows: [string, string, string][] = [
      ['demand', DEMAND_COLOUR, `demand: Qd = ${linearText(demand)}`],
      ['supply', SUPPLY_COLOUR, `supply: Qs = ${linearText(supply)}`],
    ];
    if (after && shift) {
      const words = {
        demand: `new demand: Qd = ${linearText(after.demand)}`,
        supply: `new supply: Qs = ${linearText(after.supply)}`,
        tax: `with the tax: Qs = ${linearText(after.supply)}`,
        subsidy: `with the subsidy: Qs = ${linearText(after.supply)}`,
      };
      legendRows.push(['shifted', SHIFTED_COLOUR, words[shift.kind]]);
    }
    legendRows.forEach(([id, colour, label], i) => {
      objects.push({
        id: `legend.${id}.swatch`,
        type: 'line',
        points: [
          [px, rowY(i)],
          [px + 0.45, rowY(i)],
        ],
        color: colour,
        width: 0.08,
      });
      objects.push({ id: `legend.${id}.label`, type: 'text', text: label, x: px + 0.6, y: rowY(i), size: 0.3, color: '$foreground', align: 'left' });
    });
    const eqRow = legendRows.length;
    objects.push({ id: 'legend.equilibrium.swatch', type: 'circle', x: px + 0.22, y: rowY(eqRow), radius: 0.12, fill: marked });
    objects.push({ id: 'legend.equilibrium.label', type: 'text', text: 'equilibrium: Qd = Qs', x: px + 0.6, y: rowY(eqRow), size: 0.3, color: '$foreground', align: 'left' });
    const workY = (i: number) => rowY(eqRow + 1) - 0.2 - i * 0.5;
    const k = supply.slope - demand.slope;
    const rhs = demand.intercept - supply.intercept;
    const pShown = fmt(e1.price);
    const qShown = fmt(e1.quantity);
    const work = [
      `${linearText(demand)} = ${linearText(supply)}`,
      `${k === 1 ? '' : fmt(k, 4)}P = ${fmt(rhs, 4)}, so P${tag(1)} ${equalsOrAbout(e1.price, pShown)} ${pShown}`,
      `Q${tag(1)} = ${fmt(demand.intercept, 4)} ${MINUS} ${fmt(-demand.slope, 4)} × ${pShown} ${equalsOrAbout(e1.quantity, qShown)} ${qShown}`,
    ];
    work.forEach((w, i) => objects.push({ id: `work-${i}`, type: 'text', text: w, x: px, y: workY(i), size: 0.32, color: '$foreground', align: 'left', maxWidth: 5.6 }));
    objects.push({ id: 'result', type: 'text', text: '', x: px, y: workY(3) - 0.1, size: 0.32, color: '$foreground', align: 'left', weight: 600, maxWidth: 5.6 });

    const tl = new TimelineBuilder();
    tl.appear('title', 0.5).appear('axes', 0.8, 'draw');
    tl.narrate(example ? `No curves were given, so this is an example market. Demand: Qd = ${linearText(demand)}.` : `Demand: Qd = ${linearText(demand)}. Buyers want less as the price rises.`, 2.2, ['demand'], { emphasis: 'dim-rest' });
    tl.appear('demand', 0.8, 'draw', tl.t + 0.3)
      .appear('demand-label', 0.3, 'fade', tl.t + 1)
      .appear('legend.demand.swatch', 0.3)
      .appear('legend.demand.label', 0.3);
    tl.wait(1.6);
    tl.narrate(`Supply: Qs = ${linearText(supply)}. Sellers offer more as the price rises.`, 2.2, ['supply'], { emphasis: 'dim-rest' });
    tl.appear('supply', 0.8, 'draw', tl.t + 0.3)
      .appear('supply-label', 0.3, 'fade', tl.t + 1)
      .appear('legend.supply.swatch', 0.3)
      .appear('legend.supply.label', 0.3);
    tl.wait(1.6);
    tl.narrate('At the equilibrium the quantity demanded equals the quantity supplied.', 2, ['work-0']);
    tl.appear('legend.equilibrium.swatch', 0.3).appear('legend.equilibrium.label', 0.3).appear('work-0', 0.4).wait(1.8);
    tl.narrate(`Solve for the price: P${tag(1)} ${equalsOrAbout(e1.price, pShown)} ${price(e1.price)}.`, 2, ['work-1', 'e1-p']);
    tl.appear('work-1', 0.4)
      .appear('e1-h', 0.6, 'draw', tl.t + 0.3)
      .appear('e1-p', 0.3, 'fade', tl.t + 0.6)
      .wait(1.8);
    tl.narrate(`Put it back into demand: Q${tag(1)} ${equalsOrAbout(e1.quantity, qShown)} ${qty(e1.quantity)}, where the curves cross.`, 2.2, ['e1', 'e1-q']);
    tl.appear('work-2', 0.4)
      .appear('e1', 0.4, 'grow', tl.t + 0.2)
      .appear('e1-v', 0.6, 'draw', tl.t + 0.3)
      .appear('e1-q', 0.3, 'fade', tl.t + 0.6)
      .wait(2);

    if (after && shift && e2) {
      const a = Math.abs(shift.amount);
      const move = {
        demand: `Demand ${shift.amount > 0 ? 'rises' : 'falls'} by ${fmt(a)}: ${fmt(a)} ${shift.amount > 0 ? 'more' : 'fewer'} ${qUnit} are wanted at every price.`,
        supply: `Supply ${shift.amount > 0 ? 'rises' : 'falls'} by ${fmt(a)}: ${fmt(a)} ${shift.amount > 0 ? 'more' : 'fewer'} ${qUnit} are offered at every price.`,
        tax: `A tax of ${price(a)} a unit: sellers need ${price(a)} more for each quantity, so supply moves up.`,
        subsidy: `A subsidy of ${price(a)} a unit: sellers accept ${price(a)} less for each quantity, so supply moves down.`,
      }[shift.kind];
      const old = shift.kind === 'demand' ? 'demand' : 'supply';
      tl.narrate(move, 2.4, ['shifted'], { emphasis: 'dim-rest' });
      tl.add({ type: 'tween', target: old, property: 'opacity', to: 0.35, start: tl.t, duration: 0.5 });
      tl.appear('shifted', 0.9, 'draw', tl.t + 0.3)
        .appear('shifted-label', 0.3, 'fade', tl.t + 1.1)
        .appear('legend.shifted.swatch', 0.3)
        .appear('legend.shifted.label', 0.3);
      tl.wait(2);
      const p2 = fmt(e2.price);
      const q2 = fmt(e2.quantity);
      tl.narrate(`The new equilibrium: P₂ ${equalsOrAbout(e2.price, p2)} ${price(e2.price)} and Q₂ ${equalsOrAbout(e2.quantity, q2)} ${qty(e2.quantity)}.`, 2.4, ['e2', 'e2-p', 'e2-q']);
      tl.appear('e2', 0.4, 'grow')
        .appear('e2-h', 0.6, 'draw', tl.t + 0.2)
        .appear('e2-v', 0.6, 'draw', tl.t + 0.2)
        .appear('e2-p', 0.3, 'fade', tl.t + 0.6)
        .appear('e2-q', 0.3, 'fade', tl.t + 0.6);
      tl.wait(2.2);
      const way = (d: number, noun: string, show: (v: number) => string) => (Math.abs(d) < 1e-12 ? `${noun} unchanged` : `${noun} ${d > 0 ? 'up' : 'down'} ${show(Math.abs(d))}`);
      const compare = `${way(f.price_change!, 'Price', price)} (${price(e1.price)} → ${price(e2.price)}), ${way(f.quantity_change!, 'quantity', qty).replace(/^./, (c) => c.toLowerCase())} (${fmt(e1.quantity)} → ${fmt(e2.quantity)}).`;
      tl.narrate(compare, 2.6, ['result']);
      tl.setText('result', compare.replace(/\.$/, ''));
      tl.appear('result', 0.4).wait(2.4);
      if (f.seller_price !== null) {
        const paid = shift.kind === 'tax' ? `the government raises ${price(a)} × ${fmt(e2.quantity)} = ${price(f.tax_revenue!)}` : `the subsidy costs ${price(a)} × ${fmt(e2.quantity)} = ${price(f.subsidy_cost!)}`;
        tl.narrate(`Buyers pay ${price(e2.price)}, sellers keep ${price(f.seller_price)}; ${paid}.`, 2.8, ['seller-h', 'seller-p']);
        tl.appear('seller-h', 0.6, 'draw')
          .appear('seller-p', 0.3, 'fade', tl.t + 0.4)
          .wait(2.6);
      }
    } else {
      tl.narrate(`Above ${price(e1.price)} sellers offer more than buyers want (a surplus); below it, a shortage. Either pushes the price back.`, 3, ['e1']);
      tl.wait(3);
    }
    tl.finish(tl.t);
    const named = example ? 'an example market' : `Qd = ${linearText(demand)}, Qs = ${linearText(supply)}`;
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: `Supply and demand: ${named}` };
  },
});
