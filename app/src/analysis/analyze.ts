// description (+ optional style, template hints) → {template, style, params, facts, confidence, understood,
// needs, alternatives, warnings, suggestions}. Deterministic, offline, in-process; the CLI and the HTTP API call this.
import { z } from 'zod';
import { STYLE_NAMES, type StyleName } from '../scene/themes.ts';
import { FALLBACK_TEMPLATE_ID, getTemplate, TEMPLATES } from '../templates/registry.ts';
import type { AnyTemplate } from '../templates/types.ts';
import { domainOf } from './domains.ts';
import { AnalysisError } from './errors.ts';
import { catalogueNormalizer, subjectDomains } from './lexicon.ts';
import { closestTemplates, needsMessage, suggestionOf, type Needs, type Suggestion } from './understanding.ts';
import { roundDeep } from '../text/round.ts';
import { sanitize, type ParsedText } from '../text/parse.ts';

export const DEFAULT_MAX_DESCRIPTION_LENGTH = 2000;

export interface AnalyzeOptions {
  style?: string;
  /** Templates the caller thinks fit; a matching one gets a boost. */
  templates?: string[];
  /** Skip recognition: use this template (params from `params`, then the text, then defaults). */
  template?: string;
  params?: Record<string, unknown>;
  maxLength?: number;
  /** "title_card": a description not understood becomes a title card of its words (said in a warning) instead. */
  fallback?: 'title_card';
}

export interface Analysis {
  template: string;
  style: StyleName;
  params: Record<string, unknown>;
  facts: Record<string, unknown>;
  confidence: number;
  /**
   * Whether the description can be animated as asked. False when no template fits with confidence
   * (then `template` is the title card and `suggestions` the closest templates), or when one fits but
   * the user's content is missing (then `needs` says what to type). A scene is never composed from it.
   */
  understood: boolean;
  needs?: Needs;
  alternatives: { template: string; confidence: number }[];
  warnings: string[];
  /** Words of the description the analyser used. */
  matched: string[];
  /** Close templates, each with an example description, when the description was not understood. */
  suggestions?: Suggestion[];
}

export { AnalysisError };

/** A match at least this strong is understood; below it the analysis says it did not understand. */
export const CONFIDENT = 0.5;
const HINT_BOOST = 0.15;

export function parseText(description: string): ParsedText {
  return { original: description, normalized: catalogueNormalizer().normalize(description), used: new Set() };
}

export function scoreTemplate(t: AnyTemplate, text: Pick<ParsedText, 'original' | 'normalized'>): number {
  let best = 0;
  for (const trigger of t.triggers) if (trigger.score > best && trigger.pattern.test(trigger.on === 'original' ? text.original : text.normalized)) best = trigger.score;
  return best;
}

function checkStyle(style: string | undefined): StyleName | undefined {
  if (style === undefined || style === '') return undefined;
  const s = style.toLowerCase().replace(/[\s-]+/g, '_');
  if ((STYLE_NAMES as readonly string[]).includes(s)) return s as StyleName;
  throw new AnalysisError('unknown_style', `unknown style "${style}": use one of ${STYLE_NAMES.join(', ')}`);
}

/** Params the text and the caller give; `missing` names the template's content when neither gives it. */
function givenParams(t: AnyTemplate, text: ParsedText, explicit: Record<string, unknown> | undefined, warnings: string[]): { given: Record<string, unknown>; missing?: string } {
  const given = { ...t.extract(text, warnings), ...(explicit ?? {}) };
  const param = t.content?.param;
  return param !== undefined && given[param] === undefined ? { given, missing: param } : { given };
}

/** Given params, then defaults; invalid text-derived values fall back with a warning. */
function resolveParams(t: AnyTemplate, given: Record<string, unknown>, explicit: Record<string, unknown> | undefined, warnings: string[]): Record<string, unknown> {
  // The registry holds templates of every param type (AnyTemplate): here their params are a record.
  const schema = t.params as z.ZodType<Record<string, unknown>, Record<string, unknown>>;
  const parsed = schema.safeParse(given);
  if (parsed.success) return parsed.data;
  if (explicit) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`).join('; ');
    throw new AnalysisError('invalid_params', `invalid params for ${t.id}: ${problems}`);
  }
  warnings.push(`could not use the values found in the text (${z.prettifyError(parsed.error).replace(/\n/g, ' ')}); using defaults`);
  return schema.parse({});
}

/** A match this strong names the template itself ("bubble sort", "timeline"), whatever the subject around it. */
const STRONG = 0.8;

/**
 * False when a weaker match (a generic phrase) is in a text whose subject words place it in other
 * domains than the template's: "Kruskal's algorithm step by step" is computing, so a business process
 * flow matched by "step by step" is no answer.
 */
function fitsDomain(t: AnyTemplate, score: number, normalized: string): boolean {
  if (score >= STRONG) return true;
  const domain = domainOf(t.category);
  const context = subjectDomains(normalized);
  return domain === undefined || context.size === 0 || context.has(domain);
}

/**
 * "X vs Y", "X and Y compared", "the difference between X and Y" (but not a sort's "compare and swap", nor a
 * "non-comparison sort", which names one kind of algorithm).
 */
const COMPARISON = /\b(?:vs|versus|compared|(?<!\bnon )comparison|differences? between)\b|\bcompare (?!and swap\b)\w+.* (?:and|with|to) /;

/**
 * A template draws one thing; asked to compare two, only a chart (values side by side) or the comparison
 * slide (two of the user's lists side by side) answers.
 */
function answersComparison(t: AnyTemplate, normalized: string): boolean {
  return t.category === 'charts' || t.id === 'business.comparison' || !COMPARISON.test(normalized);
}

export function analyze(description: string, opts: AnalyzeOptions = {}): Analysis {
  const maxLength = opts.maxLength ?? DEFAULT_MAX_DESCRIPTION_LENGTH;
  if (typeof description !== 'string') throw new AnalysisError('empty', 'description must be a string');
  if (description.length > maxLength) {
    throw new AnalysisError('too_long', `description is ${description.length} characters; the limit is ${maxLength} (analysis.maxDescriptionLength). Shorten it to the idea to animate.`);
  }
  const clean = sanitize(description);
  const style = checkStyle(opts.style);
  if (!clean && !opts.template) throw new AnalysisError('empty', 'description is empty: say what to animate, e.g. "Demonstrate bubble sort on 5 3 8 1"');
  const text = parseText(clean);
  const warnings: string[] = [];
  if (clean.length !== description.trim().length) warnings.push('control characters were removed from the description');

  const answer = (t: AnyTemplate, confidence: number, alternatives: Analysis['alternatives'], explicit?: Record<string, unknown>): Analysis => {
    const { given, missing } = givenParams(t, text, explicit, warnings);
    const base = { template: t.id, style: style ?? t.style, confidence: Number(confidence.toFixed(2)), alternatives, warnings, matched: [...text.used] };
    // Chosen by id with nothing to read: the template's own example, said to be one.
    if (missing && !clean) warnings.push(`no ${missing} were given: showing the example ${missing} of ${t.id}`);
    else if (missing) {
      const needs = { data: [missing], message: needsMessage(t) };
      return { ...base, params: given, facts: {}, understood: false, needs, suggestions: [suggestionOf(t)] };
    }
    const params = resolveParams(t, given, explicit, warnings);
    // Content that was read but is not this template's to draw (rates as pie slices) is refused, not drawn.
    const misfit = t.misfit?.(params);
    if (misfit) {
      const instead = misfit.instead ? getTemplate(misfit.instead) : undefined;
      const needs = { data: [t.content?.param ?? 'params'], message: `${t.title}: ${misfit.message}` };
      return { ...base, params, facts: {}, understood: false, needs, suggestions: [...(instead ? [suggestionOf(instead)] : []), suggestionOf(t)] };
    }
    return { ...base, params, facts: roundDeep(t.facts(params)), understood: true };
  };

  if (opts.template) {
    const t = getTemplate(opts.template);
    if (!t) throw new AnalysisError('unknown_template', `unknown template "${opts.template}": GET /api/v1/templates lists them`);
    return answer(t, 1, [], opts.params);
  }

  const hints = new Set(opts.templates ?? []);
  const scored = TEMPLATES.map((t) => ({ t, score: Math.min(1, scoreTemplate(t, text) + (hints.has(t.id) ? HINT_BOOST : 0)) })).sort((a, b) => b.score - a.score);
  const best = scored[0]!;
  const alternatives = scored
    .slice(1)
    .filter((s) => s.score > 0)
    .slice(0, 3)
    .map((s) => ({ template: s.t.id, confidence: Number(s.score.toFixed(2)) }));
  if (best.score >= CONFIDENT && fitsDomain(best.t, best.score, text.normalized) && answersComparison(best.t, text.normalized)) return answer(best.t, best.score, alternatives);

  // Not understood: the words become a title card only if the caller asks for one, never as a success.
  const fallback = getTemplate(FALLBACK_TEMPLATE_ID)!;
  const params = resolveParams(fallback, fallback.extract(text, warnings), undefined, warnings);
  const candidates = scored.filter((s) => s.t.id !== FALLBACK_TEMPLATE_ID);
  const suggestions = closestTemplates(text.normalized, candidates, 3).map(suggestionOf);
  if (opts.fallback === 'title_card') warnings.push('the description was not understood; it is shown as a title card, as asked (fallback: title_card)');
  return {
    template: fallback.id,
    style: style ?? fallback.style,
    params,
    facts: roundDeep(fallback.facts(params)),
    confidence: Number(best.score.toFixed(2)),
    understood: opts.fallback === 'title_card',
    alternatives,
    warnings,
    matched: [...text.used],
    suggestions,
  };
}
