// finance.compound_interest: a balance growing year by year, A = P(1 + r/n)^(nt), drawn as stacked bars (the
// principal and the interest earned so far), with simple interest P(1 + rt) beside it for comparison. The
// formula is shown with the numbers put in.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { formatNumber, numberTex } from '../format/index.ts';
import { fitMathSize, fmt } from './chart.ts';
import { markUsed, namedNumber } from './progression.ts';

type SceneObject = Composition['objects'][number];

export const MAX_YEARS = 30;
export const CURRENCIES = ['', '$', '£', '€', '¥'] as const;
/** Times a year the interest is added, by the words people use for it. */
export const FREQUENCIES: Record<string, number> = { annually: 1, 'semi-annually': 2, quarterly: 4, monthly: 12, weekly: 52, daily: 365 };

const params = z.object({
  principal: z.number().finite().positive().max(1e9).default(1000).describe('principal P, the amount at the start'),
  rate_percent: z.number().finite().positive().max(100).default(5).describe('yearly interest rate r, in percent'),
  years: z.number().int().min(1).max(MAX_YEARS).default(10).describe(`years t (1 to ${MAX_YEARS})`),
  frequency: z.number().int().min(1).max(365).default(1).describe('compounding frequency n: times a year interest is added (1, 2, 4, 12, 52 or 365)'),
  currency: z.enum(CURRENCIES).default('').describe('currency sign for the amounts'),
});
type CompoundParams = z.infer<typeof params>;

export interface CompoundFacts {
  /** The balance at the end of each year, year 0 (the principal) first. */
  balances: number[];
  /** Interest earned in each year (year 1 first). */
  interest_per_year: number[];
  amount: number;
  interest: number;
  /** The balance with simple interest, P(1 + rt), at the end. */
  simple_amount: number;
  /** The yearly rate that compounding n times a year amounts to: (1 + r/n)^n − 1, in percent. */
  effective_rate_percent: number;
  [key: string]: unknown;
}

export function compoundFacts(principal: number, ratePercent: number, years: number, frequency: number): CompoundFacts {
  const r = ratePercent / 100;
  const balances = Array.from({ length: years + 1 }, (_, t) => cents(principal * (1 + r / frequency) ** (frequency * t)));
  const amount = balances[years]!;
  return {
    balances,
    interest_per_year: balances.slice(1).map((b, i) => cents(b - balances[i]!)),
    amount,
    interest: cents(amount - principal),
    simple_amount: cents(principal * (1 + r * years)),
    effective_rate_percent: Number((((1 + r / frequency) ** frequency - 1) * 100).toPrecision(6)),
  };
}

/** Money is counted in cents. */
function cents(v: number): number {
  return Math.round(v * 100) / 100;
}

/**
 * "£1629": the house number formatter (at most four significant figures, like every figure on screen), the currency
 * sign in front. The facts keep the cents.
 */
export function money(v: number, currency: string): string {
  return `${currency}${formatNumber(v, { sigFigs: 4, scientific: false })}`;
}

/** "=" when the amount shown is exact, "≈" when it was rounded for the screen. */
function equalsOrAbout(v: number, tex = false): string {
  const exact = Math.abs(Number(money(v, '').replace(/\s/g, '')) - v) < 1e-9;
  return exact ? '=' : tex ? '\\approx' : '≈';
}

const CURRENCY_WORDS: [RegExp, (typeof CURRENCIES)[number]][] = [
  [/\$|\bdollars?\b|\busd\b/i, '$'],
  [/£|\bpounds?\b|\bgbp\b|\bsterling\b/i, '£'],
  [/€|\beuros?\b|\beur\b/i, '€'],
  [/¥|\byen\b|\bjpy\b/i, '¥'],
];

const AMOUNT = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(k|thousand|m|million)?`;

function amountValue(digits: string, scale: string | undefined): number {
  const v = Number(digits.replace(/,/g, ''));
  return /^k|thousand/i.test(scale ?? '') ? v * 1e3 : /^m/i.test(scale ?? '') ? v * 1e6 : v;
}

export const financeCompoundInterest = defineTemplate<CompoundParams>({
  id: 'finance.compound_interest',
  title: 'Compound interest',
  category: 'mathematics',
  style: 'mathematical',
  example: 'Compound interest on £1000 at 5% a year for 10 years, compounded monthly, compared with simple interest',
  params,
  vocabulary: ['compound', 'interest', 'principal', 'rate', 'annually', 'monthly', 'quarterly', 'savings', 'investment'],
  triggers: [
    { pattern: /\bcompound(?:ed|ing)? interest\b|\bcompund interest\b/, score: 0.95 },
    { pattern: /\bcompound(?:ed|ing)? (?:annually|yearly|monthly|quarterly|daily|weekly|semi ?-? ?annually|twice a year)\b/, score: 0.9 },
    { pattern: /\binterest\b.*\b(?:per annum|p a|a year|per year|annual(?:ly)?)\b.*\byears?\b/, score: 0.75 },
    { pattern: /\bsimple (?:vs|versus|and|or) compound\b/, score: 0.9 },
  ],
  // Compound against simple interest is drawn here (the dashed line), so asking for that comparison is no reason for a chart.
  compares: /\bsimple\b.*\bcompound|\bcompound.*\bsimple\b/,
  extract(text, warnings) {
    const out: Partial<CompoundParams> = {};
    const src = text.original.replace(/[−–]/g, '-');
    for (const [re, sign] of CURRENCY_WORDS)
      if (re.test(src)) {
        out.currency = sign;
        break;
      }
    const signed = new RegExp(String.raw`[$£€¥]\s?${AMOUNT}`, 'i').exec(src) ?? new RegExp(String.raw`${AMOUNT}\s*(?:dollars?|pounds?|euros?|yen|usd|gbp|eur)\b`, 'i').exec(src);
    const named = /\b(?:principal|deposit(?:ed)?|invest(?:ed|ment)?|savings of|loan of|borrow(?:ed)?|balance of|P\s*=)\s*(?:of\s*)?[$£€¥]?\s?(\d[\d,]*(?:\.\d+)?)\s*(k|thousand|m|million)?/i.exec(src);
    const amount = signed ?? named;
    if (amount) out.principal = amountValue(amount[1]!, amount[2]);
    const pct = /(\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)/i.exec(src);
    const rate = pct ? Number(pct[1]) : namedNumber(src, ['interest rate', 'rate', 'r']);
    if (rate !== undefined) {
      // "r = 0.05" is a fraction; "rate 5" is percent.
      const percent = !pct && rate > 0 && rate < 1 ? rate * 100 : rate;
      if (percent <= 0 || percent > 100) warnings.push(`an interest rate of ${fmt(percent)}% cannot be shown (it must be above 0 and at most 100%); using 5%`);
      else out.rate_percent = Number(percent.toPrecision(10));
    }
    const years = /(\d+(?:\.\d+)?)\s*(?:years?|yrs?)\b/i.exec(src) ?? /\bt\s*=\s*(\d+(?:\.\d+)?)/i.exec(src);
    if (years) {
      const t = Number(years[1]);
      if (!Number.isInteger(t) || t < 1) warnings.push(`${years[1]} years is not a whole number of years; using 10`);
      else if (t > MAX_YEARS) {
        warnings.push(`${t} years are more bars than fit; showing ${MAX_YEARS}`);
        out.years = MAX_YEARS;
      } else out.years = t;
    }
    const n = text.normalized;
    if (/\bdaily\b|\bevery day\b/.test(n)) out.frequency = 365;
    else if (/\bweekly\b/.test(n)) out.frequency = 52;
    else if (/\bmonthly\b|\bevery month\b/.test(n)) out.frequency = 12;
    else if (/\bquarterly\b/.test(n)) out.frequency = 4;
    else if (/\bsemi ?-? ?annual(?:ly)?\b|\btwice a year\b|\bhalf ?-? ?year(?:ly)?\b/.test(n)) out.frequency = 2;
    else {
      const times = /(\d+)\s*times? (?:a|per) year/i.exec(src);
      if (times) out.frequency = Math.min(365, Math.max(1, Number(times[1])));
    }
    if (out.principal !== undefined && out.principal > 1e9) {
      warnings.push('the principal must be at most 1,000,000,000; using 1000');
      delete out.principal;
    }
    markUsed(text, ['compound', 'interest', 'principal', 'monthly', 'quarterly', 'annually', 'daily']);
    return out;
  },
  facts({ principal, rate_percent, years, frequency }) {
    return compoundFacts(principal, rate_percent, years, frequency);
  },
  compose({ principal: P, rate_percent, years, frequency: n, currency: cur }) {
    const f = compoundFacts(P, rate_percent, years, n);
    const r = rate_percent / 100;
    const m = (v: number) => money(v, cur);
    // The chart: one stacked bar per year (principal, then the interest earned so far), simple interest as a line.
    const left = -7.2;
    const right = 1.6;
    const base = -3.2;
    const height = 5.6;
    const top = Math.max(f.amount, f.simple_amount);
    const k = height / top;
    const pitch = (right - left) / (years + 1);
    const objects: SceneObject[] = [
      { id: 'title', type: 'text', text: `Compound interest: ${m(P)} at ${fmt(rate_percent)}% for ${years} year${years === 1 ? '' : 's'}`, x: 0, y: 3.9, size: 0.46, weight: 700, color: '$foreground' },
      {
        id: 'base_line',
        type: 'line',
        points: [
          [left - 0.1, base],
          [right + 0.1, base],
        ],
        color: '$muted',
        width: 0.03,
      },
    ];
    const xOf = (t: number) => left + pitch * (t + 0.5);
    const labelEvery = years <= 10 ? 1 : years <= 20 ? 2 : 5;
    for (let t = 0; t <= years; t++) {
      const x = xOf(t);
      objects.push({ id: `p${t}`, type: 'bar', x, y: base, width: pitch * 0.66, height: P * k, fill: '$primary' });
      if (t > 0) objects.push({ id: `i${t}`, type: 'bar', x, y: base + P * k, width: pitch * 0.66, height: Math.max((f.balances[t]! - P) * k, 0.02), fill: '$accent', cornerRadius: 0.03 });
      if (t % labelEvery === 0 || t === years) objects.push({ id: `year${t}`, type: 'text', text: String(t), x, y: base - 0.3, size: 0.28, color: '$muted' });
    }
    objects.push({ id: 'year_axis', type: 'text', text: 'years', x: right + 0.15, y: base - 0.3, size: 0.28, color: '$muted', align: 'left' });
    const simplePts = Array.from({ length: years + 1 }, (_, t): [number, number] => [xOf(t), base + P * (1 + r * t) * k]);
    objects.push({ id: 'simple', type: 'line', points: simplePts, color: '$secondary', width: 0.05, dash: [0.16, 0.1] });
    objects.push({ id: 'end_value', type: 'text', text: m(f.amount), x: xOf(years), y: base + f.amount * k + 0.3, size: 0.3, weight: 700, color: '$foreground' });
    // The legend: colour carries meaning here.
    const legend = [
      ['legend_p', 'principal', '$primary'],
      ['legend_i', 'interest earned', '$accent'],
      ['legend_s', 'simple interest (dashed)', '$secondary'],
    ] as const;
    legend.forEach(([id, label, color], i) => {
      objects.push({ id: `${id}_key`, type: 'rect', x: 3.15, y: -2.55 - i * 0.42, width: 0.24, height: 0.24, fill: color, cornerRadius: 0.04 });
      objects.push({ id, type: 'text', text: label, x: 3.4, y: -2.55 - i * 0.42, size: 0.28, color: '$foreground', align: 'left' });
    });
    const panelX = 5.0;
    const nt = n * years;
    const tex = (v: number) => numberTex(fmt(v, 6));
    const texMoney = (v: number) => `${cur === '$' ? '\\$' : cur}${numberTex(money(v, ''))}`;
    const eq1 = `A = ${texMoney(P)}\\left(1 + \\frac{${tex(r)}}{${n}}\\right)^{${n} \\cdot ${years}}`;
    const eq2 = `A = ${texMoney(P)} \\cdot ${tex(1 + r / n)}^{${nt}} ${equalsOrAbout(f.amount, true)} ${texMoney(f.amount)}`;
    const eq3 = `P(1 + rt) = ${texMoney(P)}(1 + ${tex(r)} \\cdot ${years}) ${equalsOrAbout(f.simple_amount, true)} ${texMoney(f.simple_amount)}`;
    objects.push(
      { id: 'eq0', type: 'math', latex: 'A = P\\left(1 + \\frac{r}{n}\\right)^{nt}', x: panelX, y: 2.6, size: 0.46, color: '$foreground' },
      { id: 'eq1', type: 'math', latex: eq1, x: panelX, y: 1.45, size: fitMathSize(eq1, 5.2, 0.4), color: '$foreground' },
      { id: 'eq2', type: 'math', latex: eq2, x: panelX, y: 0.4, size: fitMathSize(eq2, 5.2, 0.38), color: '$success' },
      { id: 'eq3', type: 'math', latex: eq3, x: panelX, y: -0.75, size: fitMathSize(eq3, 5.2, 0.34), color: '$secondary' },
      { id: 'gain', type: 'text', text: f.amount === f.simple_amount ? 'the same after one year' : `compound earns ${m(cents(f.amount - f.simple_amount))} more`, x: panelX, y: -1.75, size: 0.32, weight: 600, color: '$foreground' },
    );
    const every = ({ 1: 'once a year', 2: 'twice a year', 4: 'quarterly', 12: 'monthly', 52: 'weekly', 365: 'daily' } as Record<number, string>)[n] ?? `${n} times a year`;
    const tl = new TimelineBuilder();
    tl.narrate(`Start with a principal of ${m(P)} at ${fmt(rate_percent)}% a year, with interest added ${every}.`, 2.4, ['p0']);
    tl.appear('title', 0.5).appear('base_line', 0.5, 'draw').appear('p0', 0.6, 'grow').appear('year0', 0.3);
    for (const [id] of legend) tl.appear(`${id}_key`, 0.3).appear(id, 0.3);
    tl.wait(1.4);
    tl.narrate(`After year 1 the balance is ${m(f.balances[1]!)}: the interest, ${m(f.interest_per_year[0]!)}, sits on top.`, 2, ['i1']);
    tl.appear('p1', 0.5, 'grow').appear('i1', 0.5, 'grow', tl.t + 0.4);
    if (objects.some((o) => o.id === 'year1')) tl.appear('year1', 0.3);
    tl.wait(1.6);
    if (years >= 2) {
      tl.narrate(`Year 2 earns interest on that interest too: ${m(f.interest_per_year[1]!)} instead of ${m(f.interest_per_year[0]!)}.`, 2, ['i2']);
      tl.appear('p2', 0.5, 'grow').appear('i2', 0.5, 'grow', tl.t + 0.4);
      if (objects.some((o) => o.id === 'year2')) tl.appear('year2', 0.3);
      tl.wait(1.6);
    }
    if (years >= 3) {
      const rest = Array.from({ length: years - 2 }, (_, i) => i + 3);
      tl.narrate(
        `Each year the interest grows, up to ${m(f.interest_per_year[years - 1]!)} in year ${years}.`,
        Math.max(2, rest.length * 0.3),
        rest.map((t) => `i${t}`),
      );
      for (const t of rest) {
        tl.appear(`p${t}`, 0.3, 'grow').appear(`i${t}`, 0.3, 'grow', tl.t + 0.15);
        if (objects.some((o) => o.id === `year${t}`)) tl.appear(`year${t}`, 0.2);
        tl.wait(0.3);
      }
      tl.wait(0.6);
    }
    tl.appear('end_value', 0.4).appear('year_axis', 0.3);
    tl.narrate('The formula does all the years at once.', 1.4, ['eq0']).appear('eq0', 0.5).wait(1.4);
    tl.narrate(`Put in P = ${m(P)}, r = ${fmt(r, 4)}, n = ${n} and t = ${years}.`, 1.8, ['eq1'])
      .appear('eq1', 0.5)
      .wait(1.8);
    tl.narrate(`So A ${equalsOrAbout(f.amount)} ${m(f.amount)}: ${equalsOrAbout(f.interest) === '=' ? '' : 'about '}${m(f.interest)} of interest.`, 2, ['eq2', 'end_value'])
      .appear('eq2', 0.5)
      .wait(2);
    tl.narrate(`Simple interest pays only on the principal: ${m(f.simple_amount)} after ${years} year${years === 1 ? '' : 's'}, the dashed line.`, 2.4, ['simple', 'eq3']);
    tl.appear('simple', 0.9, 'draw').appear('eq3', 0.5).wait(2.2);
    const gain = cents(f.amount - f.simple_amount);
    const gainText = gain === 0 ? 'In one year, added once, both give the same: no interest has earned interest yet.' : `Compounding earns ${m(gain)} more, and the gap widens with every further year.`;
    tl.narrate(gainText, 2.2, ['gain']).appear('gain', 0.4).wait(2.2);
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: `Compound interest on ${m(P)} at ${fmt(rate_percent)}% for ${years} year${years === 1 ? '' : 's'}` };
  },
});
