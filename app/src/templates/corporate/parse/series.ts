// Several named series for a line chart: "Sales: 10, 20, 30; Costs: 5, 15, 25",
// "sales = [10, 20, 30] and costs = [5, 15, 25]", one series per line or per ";".
import { findValues } from './values.ts';
import { cleanItem } from './lists.ts';

export interface NamedSeries {
  name: string;
  values: number[];
  unit: string;
  /** Where in the text the series starts (the title is what comes before the first). */
  start: number;
}

// A name, then ":", "=" or "(", then the first number of its values.
const NAMED = /(?:^|[;\n.]|,?\s+(?:and|vs\.?|versus|against)\s+|\s)([\p{L}][\p{L}\p{N}&/'-]*(?: [\p{L}\p{N}&/'-]+){0,2})\s*[:=(]\s*\[?\s*(?=[-+−$€£¥]?\d)/gu;
/** Words that belong to the request, not to a series name ("chart with sales" → "sales"). */
const NOT_NAME = /^(?:and|vs\.?|versus|against|of|for|with|the|a|an|is|are|was|were|line|chart|graph|plot|show|draw|make|data|values?|numbers?)$/i;

function tidyName(s: string): string {
  const words = s.trim().split(/\s+/);
  let end = words.length;
  // "Revenue values": a trailing generic word is dropped first.
  while (end > 1 && NOT_NAME.test(words[end - 1]!)) end--;
  let start = end;
  while (start > 0 && !NOT_NAME.test(words[start - 1]!)) start--;
  return cleanItem(words.slice(start, end).join(' '));
}

/** Series written with their names, when at least two each have two or more values; else []. */
export function namedSeries(text: string): NamedSeries[] {
  const starts: { name: string; at: number; valuesFrom: number }[] = [];
  for (const m of text.matchAll(NAMED)) {
    const name = tidyName(m[1]!);
    if (name) starts.push({ name, at: m.index! + m[0].indexOf(m[1]!), valuesFrom: m.index! + m[0].length });
  }
  let series = starts.map((s, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]!.at : text.length;
    const found = findValues(text.slice(s.valuesFrom, end));
    return { name: s.name, values: found.map((v) => v.value), unit: found[0]?.unit ?? '', start: s.at };
  });
  series = series.filter((s) => s.values.length >= 2);
  if (series.length >= 2) return series;
  // One series per ";" or line: "sales 10 20 30; costs 5 15 25".
  const parts = text.split(/;|\n/);
  if (parts.length < 2) return [];
  let offset = 0;
  const byPart: NamedSeries[] = [];
  for (const part of parts) {
    const found = findValues(part);
    const name = found.length ? tidyName(part.slice(0, found[0]!.start).replace(/^.*:\s*/, '')) : '';
    if (found.length >= 2 && name) byPart.push({ name, values: found.map((v) => v.value), unit: found[0]!.unit, start: offset + part.lastIndexOf(name, found[0]!.start) });
    offset += part.length + 1;
  }
  return byPart.length >= 2 ? byPart : [];
}
