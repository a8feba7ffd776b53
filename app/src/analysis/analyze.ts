// description (+ optional style, template hints) → {template, style, params, facts, confidence,
// alternatives, warnings}. Deterministic, offline, in-process; the CLI and the HTTP API call this.
import { z } from 'zod';
import { STYLE_NAMES, type StyleName } from '../scene/themes.ts';
import { FALLBACK_TEMPLATE_ID, getTemplate, TEMPLATES } from '../templates/registry.ts';
import type { AnyTemplate } from '../templates/types.ts';
import { catalogueNormalizer } from './lexicon.ts';
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
}

export interface Analysis {
  template: string;
  style: StyleName;
  params: Record<string, unknown>;
  facts: Record<string, unknown>;
  confidence: number;
  alternatives: { template: string; confidence: number }[];
  warnings: string[];
  /** Words of the description the analyser used. */
  matched: string[];
  /** Close templates, when nothing fitted well. */
  suggestions?: { template: string; title: string; example: string }[];
}

export class AnalysisError extends Error {
  override name = 'AnalysisError';
  readonly code: 'empty' | 'too_long' | 'unknown_template' | 'unknown_style' | 'invalid_params';
  constructor(code: AnalysisError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

const MIN_CONFIDENCE = 0.3;
const HINT_BOOST = 0.15;

export function parseText(description: string): ParsedText {
  return { original: description, normalized: catalogueNormalizer().normalize(description), used: new Set() };
}

export function scoreTemplate(t: AnyTemplate, normalized: string): number {
  let best = 0;
  for (const trigger of t.triggers) if (trigger.score > best && trigger.pattern.test(normalized)) best = trigger.score;
  return best;
}

function checkStyle(style: string | undefined): StyleName | undefined {
  if (style === undefined || style === '') return undefined;
  const s = style.toLowerCase().replace(/[\s-]+/g, '_');
  if ((STYLE_NAMES as readonly string[]).includes(s)) return s as StyleName;
  throw new AnalysisError('unknown_style', `unknown style "${style}": use one of ${STYLE_NAMES.join(', ')}`);
}

/** Params from explicit values, then the text, then defaults; invalid text-derived values fall back with a warning. */
function resolveParams(t: AnyTemplate, text: ParsedText, explicit: Record<string, unknown> | undefined, warnings: string[]): Record<string, unknown> {
  const fromText = t.extract(text, warnings);
  const merged = { ...fromText, ...(explicit ?? {}) };
  const parsed = t.params.safeParse(merged);
  if (parsed.success) return parsed.data;
  if (explicit) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`).join('; ');
    throw new AnalysisError('invalid_params', `invalid params for ${t.id}: ${problems}`);
  }
  warnings.push(`could not use the values found in the text (${z.prettifyError(parsed.error).replace(/\n/g, ' ')}); using defaults`);
  return t.params.parse({});
}

const STOP_WORDS = new Set(['the', 'and', 'for', 'with', 'show', 'how', 'what', 'does', 'work', 'about', 'animate', 'animation', 'explain', 'demonstrate', 'make', 'create', 'from', 'into', 'our', 'your', 'this', 'that']);

function words(s: string): Set<string> {
  return new Set(s.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 3 && !STOP_WORDS.has(w)));
}

/**
 * Templates closest to a description nothing matched: most words shared with the template's title,
 * vocabulary and example (prefix matches count half), then catalogue order for a stable answer.
 */
export function closestTemplates(normalized: string, candidates: readonly AnyTemplate[], n: number): AnyTemplate[] {
  const wanted = words(normalized);
  const scoreOf = (t: AnyTemplate) => {
    const have = words(`${t.title} ${(t.vocabulary ?? []).join(' ')} ${t.example}`);
    let score = 0;
    for (const w of wanted) {
      if (have.has(w)) score += 1;
      else if ([...have].some((h) => h.startsWith(w.slice(0, 4)) && w.length >= 4)) score += 0.5;
    }
    return score;
  };
  return candidates
    .map((t, i) => ({ t, i, score: scoreOf(t) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, n)
    .map((x) => x.t);
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

  if (opts.template) {
    const t = getTemplate(opts.template);
    if (!t) throw new AnalysisError('unknown_template', `unknown template "${opts.template}": GET /api/v1/templates lists them`);
    const params = resolveParams(t, text, opts.params, warnings);
    return {
      template: t.id,
      style: style ?? t.style,
      params,
      facts: roundDeep(t.facts(params)),
      confidence: 1,
      alternatives: [],
      warnings,
      matched: [...text.used],
    };
  }

  const hints = new Set(opts.templates ?? []);
  const scored = TEMPLATES.filter((t) => t.id !== FALLBACK_TEMPLATE_ID)
    .map((t) => ({ t, score: Math.min(1, scoreTemplate(t, text.normalized) + (hints.has(t.id) ? HINT_BOOST : 0)) }))
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  const alternatives = scored
    .slice(1)
    .filter((s) => s.score > 0)
    .slice(0, 3)
    .map((s) => ({ template: s.t.id, confidence: Number(s.score.toFixed(2)) }));

  if (!best || best.score < MIN_CONFIDENCE) {
    const fallback = getTemplate(FALLBACK_TEMPLATE_ID)!;
    const params = resolveParams(fallback, text, undefined, warnings);
    const suggestions = closestTemplates(text.normalized, scored.map((s) => s.t), 3).map((t) => ({ template: t.id, title: t.title, example: t.example }));
    return {
      template: fallback.id,
      style: style ?? fallback.style,
      params,
      facts: roundDeep(fallback.facts(params)),
      confidence: Number(Math.max(0.1, best?.score ?? 0).toFixed(2)),
      alternatives,
      warnings,
      matched: [...text.used],
      suggestions,
    };
  }

  const params = resolveParams(best.t, text, undefined, warnings);
  return {
    template: best.t.id,
    style: style ?? best.t.style,
    params,
    facts: roundDeep(best.t.facts(params)),
    confidence: Number(best.score.toFixed(2)),
    alternatives,
    warnings,
    matched: [...text.used],
  };
}
