// Params of the searching templates: the values and the target, and how they are written in text
// ("binary search for 23 in 2, 5, 8", "find 7 in [3, 9, 7, 1]", "target = 4").
import { z } from 'zod';
import { NUMBER_RE, toNumber, type ParsedText } from '../../text/parse.ts';
import { extractValues, finiteValue, MAX_ARRAY_VALUES } from './params.ts';
import { formatNumber } from './algo-scene.ts';

export function searchParams(defaults: { values: number[]; target: number }) {
  return z.object({
    values: z.array(finiteValue).min(1).max(MAX_ARRAY_VALUES).default(defaults.values),
    target: finiteValue.default(defaults.target),
  });
}
export type SearchParams = { values: number[]; target: number };

const N = NUMBER_RE.source;
const TARGET_PATTERNS = [
  new RegExp(String.raw`\b(?:target|key|needle)\s*(?:value\s*)?(?:=|:|is|of)?\s*(${N})`, 'i'),
  new RegExp(String.raw`\b(?:search(?:ing)?\s+for|look(?:ing)?\s+for|find(?:ing)?|locat(?:e|ing)|seek(?:ing)?|where\s+is|for)\s+(?:the\s+)?(?:value\s+|number\s+|element\s+|item\s+)?(${N})(?![\d.,]*\s*[,;]\s*${N})`, 'i'),
  new RegExp(String.raw`\bcontain(?:s|ing)?\s+(?:the\s+)?(?:value\s+|number\s+)?(${N})`, 'i'),
  new RegExp(String.raw`(?<![\d.])(${N})\s+in\s+(?:the\s+|this\s+|a\s+)?(?:sorted\s+)?(?:list|array|\[|\(|${N})`, 'i'),
];

export function extractTarget(text: ParsedText): number | undefined {
  for (const re of TARGET_PATTERNS) {
    const m = re.exec(text.original);
    if (m) {
      const v = toNumber(m[1]!);
      if (Number.isFinite(v) && Math.abs(v) < 1e9) return v;
    }
  }
  return undefined;
}

/** Values and target; with a list but no target, searches for a value that is in the list (and says so). */
export function extractSearchParams(text: ParsedText, warnings: string[], words: string[]): Partial<SearchParams> {
  const out: Partial<SearchParams> = {};
  const values = extractValues(text, warnings);
  if (values) out.values = values;
  const target = extractTarget(text);
  if (target !== undefined) {
    out.target = target;
    text.used.add(formatNumber(target));
  } else if (values) {
    out.target = values[Math.floor((values.length * 2) / 3)]!;
    warnings.push(`no target given: searching for ${formatNumber(out.target)}, a value in the list (say "search for X" to choose)`);
  }
  for (const w of words) if (text.normalized.includes(w)) text.used.add(w);
  return out;
}
