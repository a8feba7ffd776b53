// A slide title from the words before a list: the request ("Can you animate…") and the chart type
// ("… bar chart") are dropped, the rest is what the slide is about.
import { ellipsize } from './lists.ts';

export const MAX_TITLE_CHARS = 60;

// A request in front of the subject: "Can you please show me", "Walk me through", "How does".
// Verbs that are also nouns ("build", "design", "plot") count only before an article or pronoun.
const REQUEST = new RegExp(
  String.raw`^(?:(?:please|hey|hi|ok|okay|so)\s*,?\s+)*` +
    String.raw`(?:(?:can|could|would|will) you\s+(?:please\s+)?|i (?:want|need|would like|'d like) (?:you )?(?:to\s+)?|let'?s\s+|help me\s+|please\s+)?` +
    String.raw`(?:(?:show(?: me)?|create|make|generate|draw|animate|produce|give me|visuali[sz]e|illustrate|explain|describe|walk me through|take me through|go through|run through|summari[sz]e|teach me|tell me about|plot|chart|graph)\b|` +
    String.raw`(?:build|design|list|outline|map out|lay out|sketch|present|display|render)\s+(?:(?:me|us)\s+)?(?=(?:a|an|the|our|my|this|some)\b)|` +
    String.raw`(?:how (?:does|do|did|is|are)|what (?:is|are|was|were)|what's)\b)?` +
    String.raw`\s*(?:an? |the |some )?(?:(?:animation|animated|video|slide|diagram|visual|overview)\b)?\s*(?:(?:of|for|about|showing|on)\b)?\s*`,
  'i',
);

/** A sentence that only introduces the list ("Steps.", "Here they are:"). */
const GENERIC = /^(?:the\s+)?(?:steps?|stages?|phases?|points?|rules?|events?|items?|milestones?|here (?:they )?(?:are|is)|as follows|they are|these are|(?:can you )?help(?: me| us)?|please|hi|hello|hey|thanks?|thank you)[.:!?]?$/i;

/** Chart-type words that say how, not what: dropped from chart titles. */
const CHART_WORDS = /\b(?:an?\s+|the\s+)?(?:animated\s+)?(?:(?:vertical|horizontal|simple|basic)\s+)?(?:bar|column|line|pie|donut|doughnut)\s+(?:chart|graph|plot|diagram)s?\b(?:\s+(?:of|for|showing|about|with|on))?/gi;

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/**
 * A title from the head of a description. `dropChartWords` removes "bar chart" and the like.
 * Returns `fallback` when nothing meaningful is left; over-long titles are shortened with a warning.
 */
export function titleFromHead(head: string, fallback: string, warnings: string[], opts: { dropChartWords?: boolean } = {}): string {
  // Of several sentences ("Our process. Steps"), the first that says more than a generic word.
  const sentences = head
    .split(/(?<=[?!])\s+|(?<=[^\d\s.][^\s.]*\.)\s+/)
    .map((x) => x.replace(/\s+/g, ' ').trim().replace(REQUEST, ''))
    .filter((x) => /[\p{L}\p{N}]/u.test(x) && !GENERIC.test(x));
  let t = sentences[0] ?? '';
  if (opts.dropChartWords) t = t.replace(CHART_WORDS, ' ');
  // "bullet list slide about onboarding" is about onboarding.
  t = t.replace(/^(?:an?\s+)?(?:bullet(?:ed)?\s+(?:points?|list)|slide|list)(?:\s+slide)?\s+(?:about|on|of|for|with)\s+(?=\S)/i, '');
  t = t
    .replace(/\s+/g, ' ')
    .replace(/^(?:an?|the|of|for|about|on|with|showing)\s+/i, '')
    .replace(/\s+(?:works?|looks? like|goes|happens)\s*\??$/i, '')
    .replace(/\s+(?:of|for|about|on|with|showing|is|are|as|in|and)$/i, '')
    .replace(/[\s,;:.?!\-–—]+$/, '')
    .trim();
  if (!/[\p{L}\p{N}]/u.test(t)) return fallback;
  if (t.length > MAX_TITLE_CHARS) {
    warnings.push(`the title was longer than ${MAX_TITLE_CHARS} characters and was shortened with "…"`);
    t = ellipsize(t, MAX_TITLE_CHARS);
  }
  return capitalise(t);
}

/** First letter upper case, for labels shown on a slide (the params keep what was typed). */
export function displayLabel(s: string): string {
  return capitalise(s);
}
