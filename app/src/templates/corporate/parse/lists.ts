// Lists as people write them: "a, b and c", "a; b; c", "a -> b -> c", "a then b", "1. a 2. b",
// bullets on separate lines. Also the part of a description that comes before its list.

/** A comma between digits followed by exactly three digits groups thousands ("1,000"); it separates nothing. */
const SEPARATOR_COMMA = /,(?!\d{3}(?!\d))|(?<!\d),/;

/** Words that introduce the list when there is no colon: "process of a, b", "funnel with 1000 visitors, …". */
const LIST_CUE = /\b(?:of|with|from|for|are|is|include|includes|including|containing|covering|like|as follows|where|in which|showing|such as|being)\b\s*/gi;
/** Nouns that end a title and start a list: "Onboarding process application, interview, …". */
const TITLE_NOUN = /\b(?:process|workflow|flow|procedure|pipeline|funnel|timeline|roadmap|history|chart|graph|cycle|loop|rules|tips|points|steps|stages|phases|events|milestones)\b\s*/gi;

export interface HeadAndBody {
  /** What comes before the list (a title, a request). */
  head: string;
  /** The list itself ("" when none was found). */
  body: string;
}

const COLON = /:(?!\d)/; // not inside a time ("9:30") or a ratio ("3:2")
const VALUE_START = /^\s*[-+−$€£¥]?\d/;

/** "How does it work? 1. Apply 2. …": a question or sentence before the list ends the head. */
function atSentence(t: string): HeadAndBody | undefined {
  const sentence = /[?!]\s+|(?<![\d\s][\d]?)\.\s+(?=\S)/.exec(t);
  const colon = COLON.exec(t);
  if (!sentence || (colon && colon.index < sentence.index)) return undefined;
  const rest = t.slice(sentence.index + sentence[0].length);
  if (!rest) return undefined;
  // "Our process. Steps: a, b": the next sentence introduces the list, so its colon decides instead.
  const restColon = COLON.exec(rest);
  if (restColon && !VALUE_START.test(rest.slice(restColon.index + 1)) && !/[,;]|\s->|→/.test(rest.slice(0, restColon.index))) return undefined;
  return { head: t.slice(0, sentence.index).trim(), body: rest.trim() };
}

/** "Visitors: 1,000; Leads: 300": colons between labels and values, so the list starts at the first label. */
function atLabelValueColons(t: string): HeadAndBody | undefined {
  const pairs = [...t.matchAll(/(?:^|[,;\n]|\s(?:and|then)\s)\s*([^,;:\n]+?):\s*[-+−$€£¥]?\d/g)];
  const colon = COLON.exec(t);
  if (!colon || pairs.length < 2) return undefined;
  const label = pairs[0]![1]!;
  const start = pairs[0]!.index! + pairs[0]![0].indexOf(label);
  if (start > colon.index) return undefined;
  // "Sales funnel Visitors: …": the first label has as many words as the second; the rest is the head.
  const words = label.trim().split(/\s+/);
  const keep = Math.min(words.length, Math.max(1, pairs[1]![1]!.trim().split(/\s+/).length));
  return {
    head: [t.slice(0, start), ...words.slice(0, words.length - keep)].join(' ').trim(),
    body: t
      .slice(start)
      .replace(label, words.slice(words.length - keep).join(' '))
      .trim(),
  };
}

/** "Title a, b and c" with no colon: the list starts after the last cue before the first separator. */
function atCue(t: string): HeadAndBody {
  const sep = firstSeparator(t);
  if (sep < 0) return { head: t, body: '' };
  // A preposition is left out of the head; a noun like "process" is kept in it.
  const firstChunk = t.slice(0, sep);
  let headEnd = -1;
  let bodyStart = -1;
  for (const m of firstChunk.matchAll(LIST_CUE)) if (m.index! + m[0].length > bodyStart) [headEnd, bodyStart] = [m.index!, m.index! + m[0].length];
  for (const m of firstChunk.matchAll(TITLE_NOUN)) if (m.index! + m[0].length > bodyStart) [headEnd, bodyStart] = [m.index! + m[0].trimEnd().length, m.index! + m[0].length];
  if (bodyStart <= 0 || bodyStart >= firstChunk.length) return { head: '', body: t };
  return { head: t.slice(0, headEnd).trim(), body: t.slice(bodyStart).trim() };
}

/** Splits "Title: a, b, c" / "Title? 1. a 2. b" / "Title with a, b and c" / "Title\n- a\n- b" into head and list. */
export function splitHeadBody(text: string): HeadAndBody {
  const t = text.trim();
  const found = atSentence(t) ?? atLabelValueColons(t);
  if (found) return found;
  const colon = COLON.exec(t);
  if (colon) return { head: t.slice(0, colon.index).trim(), body: t.slice(colon.index + 1).trim() };
  const numbered = /(?:^|\s)1[.)]\s+\S/.exec(t);
  if (numbered && /\s2[.)]\s+\S/.test(t.slice(numbered.index))) return { head: t.slice(0, numbered.index).trim(), body: t.slice(numbered.index).trim() };
  const newline = t.indexOf('\n');
  if (newline > 0) return { head: t.slice(0, newline).trim(), body: t.slice(newline + 1).trim() };
  return atCue(t);
}

function firstSeparator(t: string): number {
  const m = /,(?!\d{3}(?!\d))|(?<!\d),|;|\s(?:->|→|=>|>)\s|\s+then\s+/i.exec(t);
  return m ? m.index : -1;
}

/** Leading words that join items but are not part of them. */
// Ordinals only with a comma ("First, detect"): "first day" is an item.
const CONNECTOR = /^(?:(?:and|then|and then|finally|lastly|afterwards|after that|followed by|plus|&)\b\s*,?\s*|(?:first|firstly|second|secondly|third|thirdly|next)\s*,\s*)+/i;

/** One item tidied: numbering, bullets, connectors, quotes and trailing punctuation removed. */
export function cleanItem(s: string): string {
  const cleaned = s
    .replace(/^\s*(?:\(?\d{1,2}[.)]|[-*•·–—]|step\s+\d+\s*[:.)–—-])\s*/i, '')
    .replace(CONNECTOR, '')
    .replace(/^["'“‘(]+|["'”’)]+$/g, '')
    .replace(/[.!?;,]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  // "Step 2" alone is the item's name, not its numbering.
  return (
    cleaned ||
    s
      .replace(/[.!?;,]+$/, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** The items of a list body, in order, empty ones dropped. */
export function splitItems(body: string): string[] {
  let text = body.trim();
  if (!text) return [];
  // "100,200,300" with nothing else is a list of numbers, not one number with thousands groups.
  const compactNumbers = /^\s*\d+(?:,\d+)+\s*$/.test(text);
  const comma = compactNumbers ? /,/ : SEPARATOR_COMMA;
  // "1. a 2. b 3. c" on one line: break before each number.
  if (/(?:^|\s)1[.)]\s/.test(text) && /\s2[.)]\s/.test(text)) text = text.replace(/\s+(?=\d{1,2}[.)]\s)/g, '\n');
  const strong = /\n|;|\s*(?:->|→|=>|⇒)\s*|\s+>\s+|\s+then\s+|\s+followed by\s+/i;
  const pieces = text.split(strong).flatMap((piece) => piece.split(comma));
  // "and" / "&" separates only in the last piece ("a, b and c"), where it cannot be inside an item
  // like "report hazards and near misses, keep exits clear".
  const last = pieces.pop() ?? '';
  const tail = pieces.length > 0 || !/,/.test(text) ? last.split(/\s+(?:and|&)\s+/i) : [last];
  return [...pieces, ...tail].map(cleanItem).filter(Boolean);
}

/** "…, IPO timeline": a template word after the last item names the slide, not the item. */
export function dropTrailingKind(items: string[]): string[] {
  if (items.length === 0) return items;
  const last = items[items.length - 1]!;
  const trimmed = last.replace(/\s+(?:time ?line|road ?map|process|work ?flow|flow ?chart|cycle|loop|funnel|chart|graph|diagram|slide)s?$/i, '');
  return trimmed && trimmed !== last ? [...items.slice(0, -1), trimmed] : items;
}

/** Caps a list at `max` with a warning saying how many, what and why. */
export function capItems<T>(items: T[], max: number, noun: string, warnings: string[]): T[] {
  if (items.length <= max) return items;
  warnings.push(`${items.length} ${noun} given; showing the first ${max} (the most that stay readable on one slide)`);
  return items.slice(0, max);
}

/** Shortens one label to `max` characters with an ellipsis. */
export function ellipsize(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  // Break at a word when one ends near the limit.
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd() + '…';
}

/** Shortens every label over `max` characters, with one warning naming how many and the limit. */
export function truncateLabels(labels: string[], max: number, noun: string, warnings: string[]): string[] {
  let n = 0;
  const out = labels.map((l) => {
    if (l.length <= max) return l;
    n++;
    return ellipsize(l, max);
  });
  if (n > 0) warnings.push(`${n} ${noun}${n === 1 ? ' was' : 's were'} longer than ${max} characters and shortened with "…" to fit on screen`);
  return out;
}
