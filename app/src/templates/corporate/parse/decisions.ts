// If/then rules as people write them: "If severity is high, page on-call; otherwise open a ticket",
// "if it is out of hours then call the duty manager else email the team", nested ("If VIP, if urgent, call
// them, otherwise email them; otherwise open a ticket") and chained ("otherwise if …", "If A, X. If B, Y.").
// A dangling "otherwise" belongs to the nearest open "if", as in writing.

export interface DecisionNode {
  /** The condition of a question, or what is done at an outcome. */
  text: string;
  /** Index of the node followed when the condition holds; set only on questions. */
  yes?: number;
  /** Index of the node followed when it does not; absent when the user gave no "otherwise". */
  no?: number;
}

type Token = { kw: 'if' | 'then' | 'else' } | { text: string };

const KEYWORDS = /\b(?:if not|if no|otherwise|or else|else|if|when|then)\b/gi;

function tidy(s: string): string {
  return s
    .replace(/^[\s,;:.–—-]+|[\s,;:.–—-]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function tokenise(body: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  const push = (s: string) => {
    const t = tidy(s);
    if (t) tokens.push({ text: t });
  };
  for (const m of body.matchAll(KEYWORDS)) {
    const word = m[0].toLowerCase();
    // "if not, …" is an otherwise; "if not paid" is a condition.
    if ((word === 'if not' || word === 'if no') && !/^\s*[,:]/.test(body.slice(m.index! + m[0].length))) {
      push(body.slice(at, m.index));
      tokens.push({ kw: 'if' });
      at = m.index! + 2;
      continue;
    }
    // "when" opens a condition only at the start of a clause ("When a customer calls, …").
    if (word === 'when' && !/(?:^|[,;.:]\s*|\b(?:otherwise|else)\s+)$/i.test(body.slice(0, m.index))) continue;
    push(body.slice(at, m.index));
    tokens.push({ kw: word === 'then' ? 'then' : word === 'if' || word === 'when' ? 'if' : 'else' });
    at = m.index! + m[0].length;
  }
  push(body.slice(at));
  return tokens;
}

export interface ParsedDecisions {
  nodes: DecisionNode[];
  /** What could not be read, for warnings. */
  problems: string[];
}

/** The decision tree of a description's rules, root first; no nodes when it holds no condition. */
export function parseDecisions(body: string): ParsedDecisions {
  const tokens = tokenise(body);
  const nodes: DecisionNode[] = [];
  const problems: string[] = [];
  let i = 0;
  const peek = () => tokens[i];
  const isKw = (t: Token | undefined, kw: string) => t !== undefined && 'kw' in t && t.kw === kw;

  function branch(after: string): number | undefined {
    const t = peek();
    if (isKw(t, 'if')) return question();
    if (t && 'text' in t) {
      i++;
      const text = tidy(t.text.replace(/^(?:then|do|we|you)\s+/i, ''));
      nodes.push({ text });
      return nodes.length - 1;
    }
    problems.push(`nothing is said to happen ${after}`);
    return undefined;
  }

  function question(): number | undefined {
    i++; // "if"
    const t = peek();
    if (!t || !('text' in t)) {
      problems.push('an "if" with no condition after it');
      return undefined;
    }
    i++;
    let condition = t.text;
    if (isKw(peek(), 'then')) i++;
    else {
      // "if severity is high, page on-call": the first comma (or colon, or dash) ends the condition.
      const cut = /\s*(?:,|:|\s[–—-]\s)\s*/.exec(t.text);
      if (cut) {
        condition = t.text.slice(0, cut.index);
        const rest = tidy(t.text.slice(cut.index + cut[0].length));
        if (rest) tokens.splice(i, 0, { text: rest });
      }
    }
    condition = tidy(condition);
    const index = nodes.length;
    nodes.push({ text: condition });
    const yes = branch(`if ${condition}`);
    if (yes === undefined) return undefined;
    nodes[index]!.yes = yes;
    if (isKw(peek(), 'else')) {
      i++;
      const no = branch(`when ${condition} does not hold`);
      if (no !== undefined) nodes[index]!.no = no;
    }
    return index;
  }

  // Text before the first "if" is not a rule ("What to do:"); the caller takes the title from it.
  while (i < tokens.length && !isKw(peek(), 'if')) i++;
  if (i >= tokens.length) return { nodes: [], problems };
  let open = question();
  // "If A, X. If B, Y.": a later rule at the top level is what happens when the earlier one does not hold.
  while (open !== undefined && isKw(peek(), 'if')) {
    let last = open;
    while (nodes[last]!.no !== undefined && nodes[nodes[last]!.no!]!.yes !== undefined) last = nodes[last]!.no!;
    if (nodes[last]!.no !== undefined) break;
    const next = question();
    if (next === undefined) break;
    nodes[last]!.no = next;
    open = 0;
  }
  if (i < tokens.length) {
    const rest = tokens
      .slice(i)
      .map((t) => ('text' in t ? t.text : t.kw))
      .join(' ');
    problems.push(`"${rest.slice(0, 40)}" follows no condition and was left out`);
  }
  if (open === undefined) return { nodes: [], problems };
  return { nodes, problems };
}
