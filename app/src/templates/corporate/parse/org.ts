// Reporting lines as people write them: "CEO > CTO, CFO; CTO > Dev1, Dev2",
// "CEO manages CTO and CFO; CTO manages two engineers", "CTO and CFO report to the CEO",
// "CEO: CTO, CFO; CTO: Dev1" (one statement per ";", line or sentence), and roles given with names:
// "Alice is CEO", "Bob (CTO) reports to Alice" draw "Alice (CEO)" and "Bob (CTO)" under her.
import { wordNumber } from '../../../text/parse.ts';

export interface OrgNode {
  name: string;
  /** The manager's name; null for someone who reports to no one here. */
  parent: string | null;
}

const FORWARD = /\s*(?:->|→|=>|>|:|\b(?:manages|manage|managing|oversees|oversee|supervises|supervise|leads|lead|heads|runs|directs|is (?:responsible for|over|in charge of)|has|have|with)\b)\s*/i;
const REVERSE = /\s+(?:reports?\s+(?:directly\s+)?to|reporting to|answers?\s+to|(?:is|are|sits?|works?)\s+(?:under|below|for)|under|below)\s+/i;
const CHAIN = /\s*(?:->|→|=>|>)\s*/;
const ACRONYM = /^(?:c[a-z]{1,2}o|vp|svp|evp|avp|hr|it|qa|pm|ux|ui|r&d|pr|md|gm|ciso)$/;
const MAX_PER_GROUP = 8;

function singular(noun: string): string {
  if (/ies$/i.test(noun)) return noun.slice(0, -3) + 'y';
  if (/(?:ss|sh|ch|x)es$/i.test(noun)) return noun.slice(0, -2);
  if (/[^s]s$/i.test(noun)) return noun.slice(0, -1);
  return noun;
}

/** "ceo" → "CEO", "head of sales" → "Head of sales"; names typed with capitals stay as typed. */
export function tidyName(raw: string): string {
  const words = raw
    .replace(/^(?:the|a|an|our|their|his|her|its|my)\s+/i, '')
    .replace(/[.!?,;:'"“”‘’()]+$|^['"“”‘’(]+/g, '')
    .trim()
    .split(/\s+/)
    // Only words typed in lower case: "ceo" → "CEO", while "Ops" stays as written.
    .map((w) => (ACRONYM.test(w) ? w.toUpperCase() : w));
  const name = words.join(' ');
  return name === name.toLowerCase() ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}

/** "two engineers" → ["Engineer 1", "Engineer 2"]; "Dev1, Dev2 and the CFO" → three names. */
function namesOf(list: string, numbering: Map<string, number>): string[] {
  const out: string[] = [];
  // "and" joins names only in the last comma-separated part: "Director Europe and Middle East, CFO" is two people.
  const chunks = list.split(/\s*,\s*(?:and\s+)?/);
  const last = chunks.pop() ?? '';
  const parts = [...chunks, ...last.split(/\s+(?:and|&|as well as|plus)\s+/i)];
  for (const part of parts) {
    const p = part.trim();
    if (!p) continue;
    const counted = /^(\d{1,2}|[a-z]+)\s+(.+?)$/i.exec(p);
    const n = counted ? wordNumber(counted[1]!) : undefined;
    if (counted && n !== undefined && n >= 1 && Number.isInteger(n)) {
      const base = tidyName(n > 1 ? singular(counted[2]!) : counted[2]!);
      if (n === 1) {
        out.push(base);
        continue;
      }
      // Numbered across the whole chart so two teams' engineers stay distinct people.
      const from = numbering.get(base.toLowerCase()) ?? 0;
      for (let i = 1; i <= Math.min(n, MAX_PER_GROUP); i++) out.push(`${base} ${from + i}`);
      numbering.set(base.toLowerCase(), from + Math.min(n, MAX_PER_GROUP));
      continue;
    }
    const name = tidyName(p);
    if (name) out.push(name);
  }
  return out;
}

const RELATION = /(?:->|→|=>|>|:|\b(?:manages|manage|oversees|oversee|supervises|supervise|leads|heads|runs|directs|has|have|reports?\s+(?:directly\s+)?to|answers?\s+to|under|below)\b)/i;

/** "Alice is CEO", "Sam is the head of sales" (not "is responsible for", "is under": those are relations). */
const ROLE = /^(.+?)\s+is\s+(?!responsible\b|over\b|in charge\b|under\b|below\b|for\b)(?:the\s+|our\s+|an?\s+)?(.+)$/i;

/** A relation that starts with its verb: its subject is the person of the statement before. */
const NO_SUBJECT = /^\s*(?:reports?|reporting|answers?|manages?|oversees?|supervises?|leads?|heads|runs|directs|works?|sits?)\b/i;

/** Whether a piece of a sentence says who reports to whom, or what someone's role is. */
function relates(s: string): boolean {
  return RELATION.test(s) || ROLE.test(s.trim());
}

/** Statements split at ";", lines and sentences, and at "," or "and" only between two whole relations. */
function statements(body: string): string[] {
  const out: string[] = [];
  for (const sentence of body.split(/\s*(?:;|\n|\.\s+|\.$|,?\s+(?:while|whereas)\s+)\s*/i)) {
    let current = '';
    // The separators are kept: a piece without a relation goes back where it was ("CTO, CFO and COO").
    const pieces = sentence.split(/(,?\s+and\s+|\s*,\s*)/i);
    for (let i = 0; i < pieces.length; i += 2) {
      const chunk = pieces[i]!;
      if (current && relates(current) && relates(chunk)) {
        out.push(current);
        // "Tom is CTO and reports to Maria": the second relation's subject is the role's person.
        const subject = NO_SUBJECT.test(chunk) ? ROLE.exec(current.trim())?.[1] : undefined;
        current = subject ? `${subject} ${chunk}` : chunk;
      } else current = current ? `${current}${pieces[i - 1]}${chunk}` : chunk;
    }
    if (current.trim()) out.push(current.trim());
  }
  return out;
}

/** "Bob (CTO)" → "Bob", with CTO kept as Bob's role; the rest of the text as it was. */
function takeRoles(body: string, roles: Map<string, string>): string {
  return body.replace(/([A-Za-z][\w.'&-]*(?:\s+[A-Z][\w.'&-]*)*)\s*\(([^()]{1,24})\)/g, (_, name: string, role: string) => {
    roles.set(tidyName(name).toLowerCase(), tidyName(role));
    return name;
  });
}

/** The words before the structure, when they name the chart ("Acme org chart: …"). */
const CHART_HEAD = /\b(?:org(?:ani[sz]ation(?:al)?)?\s*(?:chart|structure|diagram|tree)|hierarchy|team(?: structure)?|reporting (?:lines?|structure)|chain of command|department|company structure)\b/i;

export function splitOrgTitle(text: string): { head: string; body: string } {
  const colon = /:(?!\d)/.exec(text);
  if (colon && CHART_HEAD.test(text.slice(0, colon.index))) return { head: text.slice(0, colon.index).trim(), body: text.slice(colon.index + 1).trim() };
  const lead = new RegExp(String.raw`^(.*?${CHART_HEAD.source})\s*[.:,!?]?\s*(?:where|in which|with|showing|for|of)?\s+`, 'i').exec(text);
  const rest = lead ? text.slice(lead[0].length) : '';
  if (lead && (FORWARD.test(rest) || REVERSE.test(rest))) return { head: lead[1]!.trim(), body: rest.trim() };
  return { head: '', body: text.trim() };
}

/** Nodes in the order they were named; conflicts (two managers, loops) are resolved with a warning. */
export function parseOrgChart(body: string, warnings: string[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>();
  const numbering = new Map<string, number>();
  const ensure = (name: string): OrgNode => {
    const key = name.toLowerCase();
    let node = nodes.get(key);
    if (!node) nodes.set(key, (node = { name, parent: null }));
    return node;
  };
  const managesItself = (manager: string, report: string): boolean => {
    // Walking up from the manager reaches the report: the new line would close a loop.
    for (let n: OrgNode | undefined = nodes.get(manager.toLowerCase()); n; n = n.parent ? nodes.get(n.parent.toLowerCase()) : undefined) {
      if (n.name.toLowerCase() === report.toLowerCase()) return true;
    }
    return false;
  };
  const link = (manager: string, report: string): void => {
    const m = ensure(manager);
    const r = ensure(report);
    if (m === r) return;
    if (r.parent && r.parent.toLowerCase() !== m.name.toLowerCase()) {
      warnings.push(`${r.name} was given two managers (${r.parent} and ${m.name}); an org chart shows one, so ${r.parent} was kept`);
      return;
    }
    if (managesItself(m.name, r.name)) {
      warnings.push(`${m.name} → ${r.name} would make a reporting loop; that line was left out`);
      return;
    }
    r.parent = m.name;
  };

  const roles = new Map<string, string>();
  for (const s of statements(takeRoles(body, roles))) {
    const role = RELATION.test(s) ? null : ROLE.exec(s);
    if (role) {
      const [name] = namesOf(role[1]!, numbering);
      if (name) roles.set(ensure(name).name.toLowerCase(), tidyName(role[2]!));
      continue;
    }
    const chain = s.split(CHAIN);
    if (chain.length >= 2) {
      // "CEO > CTO > Dev1, Dev2": each group reports to the last person of the group before it.
      let managers = namesOf(chain[0]!, numbering);
      for (const group of chain.slice(1)) {
        const reports = namesOf(group, numbering);
        const manager = managers[managers.length - 1];
        for (const r of reports) manager ? link(manager, r) : ensure(r);
        managers = reports;
      }
      continue;
    }
    const reverse = REVERSE.exec(s);
    if (reverse) {
      const reports = namesOf(s.slice(0, reverse.index), numbering);
      const [manager] = namesOf(s.slice(reverse.index + reverse[0].length), numbering);
      for (const r of reports) manager ? link(manager, r) : ensure(r);
      continue;
    }
    const forward = FORWARD.exec(s);
    if (forward && forward.index > 0) {
      const [manager] = namesOf(s.slice(0, forward.index), numbering);
      const reports = namesOf(s.slice(forward.index + forward[0].length), numbering);
      for (const r of reports) manager ? link(manager, r) : ensure(r);
      continue;
    }
    for (const name of namesOf(s, numbering)) ensure(name);
  }
  // A role is drawn with the name it belongs to, on the person and wherever they are someone's manager.
  const shown = (name: string) => {
    const role = roles.get(name.toLowerCase());
    return role && role.toLowerCase() !== name.toLowerCase() ? `${name} (${role})` : name;
  };
  return [...nodes.values()].map((n) => ({ name: shown(n.name), parent: n.parent === null ? null : shown(n.parent) }));
}
