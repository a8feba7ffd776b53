// What an analysis says when it cannot animate a description as asked: the templates closest to its
// words (each with an example to copy), what content is missing, and the error that stops a scene
// being composed from it. One home for the rule, used by the API, the CLI and the pipeline.
import type { AnyTemplate } from '../templates/types.ts';
import { domainOf } from './domains.ts';
import { AnalysisError } from './errors.ts';
import { subjectDomains } from './lexicon.ts';

export interface Suggestion {
  template: string;
  title: string;
  example: string;
}

/** What an analysis needs from the user before it can be drawn. */
export interface Needs {
  /** The params the user must give (the template's content). */
  data: string[];
  message: string;
}

/** The parts of an analysis this file reads (an analysis stored before `understood` existed was understood). */
interface Verdict {
  template: string;
  confidence: number;
  understood?: boolean;
  needs?: Needs;
  suggestions?: Suggestion[];
}

const STOP_WORDS = new Set([
  'the',
  'and',
  'for',
  'with',
  'show',
  'how',
  'what',
  'does',
  'work',
  'about',
  'animate',
  'animation',
  'explain',
  'demonstrate',
  'make',
  'create',
  'from',
  'into',
  'our',
  'your',
  'this',
  'that',
  'step',
  'steps',
  'using',
  'students',
  'class',
  'year',
  'grade',
  'lesson',
  'intro',
  'introduction',
  'basics',
  'overview',
]);

function words(s: string): Set<string> {
  return new Set(
    s
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w.length >= 3 && !STOP_WORDS.has(w)),
  );
}

export function suggestionOf(t: AnyTemplate): Suggestion {
  return { template: t.id, title: t.title, example: t.example };
}

/** Words share a stem when they agree on their first six letters ("integration", "integral"; not "circuit", "circle"). */
const STEM = 6;

/**
 * Templates closest to a description: those a trigger matched first (strongest first), then most words
 * shared with the template's title, vocabulary and example (a shared stem counts half, a template in the
 * subject the description's own words name counts three quarters, one whose category it names one); a template sharing nothing with the
 * description is never suggested, and ties keep catalogue order for a stable answer.
 */
export function closestTemplates(normalized: string, scored: readonly { t: AnyTemplate; score: number }[], n: number): AnyTemplate[] {
  const wanted = words(normalized);
  const subject = subjectDomains(normalized);
  const overlap = (t: AnyTemplate) => {
    const have = words(`${t.title} ${(t.vocabulary ?? []).join(' ')} ${t.example}`);
    let score = 0;
    for (const w of wanted) {
      if (have.has(w)) score += 1;
      else if (w.length >= STEM && [...have].some((h) => h.startsWith(w.slice(0, STEM)))) score += 0.5;
    }
    // "… for year 10 biology": the subject named outright is a better guide than its domain (science).
    if (wanted.has(t.category)) score += 1;
    const domain = domainOf(t.category);
    return score + (domain && subject.has(domain) ? 0.75 : 0);
  };
  return scored
    .map((s, i) => ({ t: s.t, i, trigger: s.score, words: overlap(s.t) }))
    .filter((s) => s.trigger > 0 || s.words > 0)
    .sort((a, b) => b.trigger - a.trigger || b.words - a.words || a.i - b.i)
    .slice(0, n)
    .map((x) => x.t);
}

/** The message for a template that was recognised but given none of its content. */
export function needsMessage(t: AnyTemplate): string {
  return `${t.title} needs your own content and none could be used (nothing is drawn from example data): ${t.content!.ask}`;
}

/** Why an analysis cannot be drawn, with what to type instead; undefined when it can. */
export function notUnderstoodMessage(a: Verdict, description: string): string | undefined {
  if (a.understood !== false) return undefined;
  const what = description ? `"${description}"` : 'the description';
  if (a.needs) return `${what}: ${a.needs.message}`;
  const tries = (a.suggestions ?? []).map((s) => `"${s.example}" (${s.template})`);
  return `${what} was not understood well enough to animate (best match ${a.template} at ${a.confidence}). Say what to show and give its data${tries.length ? `, like ${tries.join(' or ')}` : ''}; GET /api/v1/templates lists every template`;
}

/** Throws the error that stops composition when an analysis was not understood or needs data. */
export function requireUnderstood(a: Verdict, description = ''): void {
  const message = notUnderstoodMessage(a, description);
  if (message === undefined) return;
  const details = { ...(a.needs ? { needs: a.needs } : {}), suggestions: a.suggestions ?? [] };
  throw new AnalysisError(a.needs ? 'needs_data' : 'not_understood', message, details);
}
