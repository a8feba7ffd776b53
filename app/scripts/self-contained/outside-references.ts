// Finds, in one file's text, references to paths outside the repository: the shared folder that sits
// beside a checkout on development machines, absolute paths under /work or /root, relative paths that climb above the repository root from the
// file's own folder, and documents named by a *.md name that no tracked file has. A pure function of
// (path, text, tracked files), so it is tested on snippets; check-self-contained.ts runs it on the tree.
import { posix } from 'node:path';

export interface Finding {
  /** Repository-relative path, forward slashes. */
  file: string;
  line: number;
  /** The text that refers outside. */
  reference: string;
  reason: string;
}

/** Where `rel` lands from `fromDir` (both repository-relative), or undefined when above the root. */
function resolveInside(fromDir: string, rel: string): string | undefined {
  const out = posix.normalize(posix.join(fromDir, rel));
  return out === '..' || out.startsWith('../') ? undefined : out.replace(/\/$/, '');
}

function exists(tracked: ReadonlySet<string>, path: string): boolean {
  if (tracked.has(path)) return true;
  for (const file of tracked) if (file.startsWith(`${path}/`)) return true;
  return false;
}

// The sibling folder a checkout on a development machine has and a clone has not.
const SHARED = /(?:\.\.\/)+shared\b[\w./-]*/g;
// An absolute path under /work or /root (not part of a URL or of a longer path).
const ABSOLUTE = /(?<![\w.:/~-])\/(?:work|root)\/[\w./-]*/g;
// A quoted path with a `..` step: 'x/../y', '../y', '..'. No spaces, so prose in quotes is left alone;
// a template literal's static part stops at `${`.
const QUOTED_UP = /(['"`])((?:[\w.@-]+\/)*\.\.(?:\/[\w.@-]*)*)(?=\1|\$\{)/g;
// path.join / path.resolve (or bare join / resolve) over a base and literal steps.
const JOIN_CALL = /\b(?:path\.)?(?:join|resolve)\(([^()]*(?:\([^()]*(?:\([^()]*\))?[^()]*\)[^()]*)*)\)/g;
// Bases of a join that mean "this file's folder" (or the repository root, for the working directory).
const FILE_DIR_BASES = [/^import\.meta\.dirname$/, /^__dirname$/, /^(?:path\.)?dirname\(fileURLToPath\(import\.meta\.url\)\)$/, /^fileURLToPath\(new URL\((['"])\.\/?\1, import\.meta\.url\)\)$/];
// A Markdown file named in the text: a bare name or a path.
const MARKDOWN_NAME = /(?<![\w./-])(?:\.{1,2}\/)*[\w-]+(?:\/[\w.-]+)*\.md\b/g;

function splitArgs(args: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of args) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

function literal(arg: string): string | undefined {
  const m = /^(['"])([^'"]*)\1$/.exec(arg);
  return m ? m[2] : undefined;
}

/** Whether a join/resolve call lands above the root (false when its base cannot be told). */
function joinEscapes(file: string, args: string[]): boolean {
  const [base, ...steps] = args;
  if (base === undefined) return false;
  const dir = posix.dirname(file);
  let from: string;
  if (FILE_DIR_BASES.some((re) => re.test(base))) from = dir;
  else if (base === 'process.cwd()') from = '.';
  else if (literal(base) !== undefined && !literal(base)!.startsWith('/')) {
    // A relative first step is taken from the working directory, which is the repository root for npm scripts.
    from = '.';
    steps.unshift(base);
  } else return false;
  const parts: string[] = [];
  for (const step of steps) {
    const value = literal(step);
    if (value === undefined) break;
    parts.push(value);
    if (resolveInside(from, parts.join('/')) === undefined) return true;
  }
  return false;
}

export function findOutsideReferences(file: string, text: string, tracked: ReadonlySet<string> = new Set()): Finding[] {
  const findings: Finding[] = [];
  const dir = posix.dirname(file);
  const lines = text.split('\n');
  lines.forEach((content, index) => {
    const line = index + 1;
    const add = (reference: string, reason: string) => {
      if (!findings.some((f) => f.line === line && f.reference === reference)) findings.push({ file, line, reference, reason });
    };
    for (const m of content.matchAll(SHARED)) {
      if (!resolveInside(dir, m[0]) || !exists(tracked, resolveInside(dir, m[0])!)) add(m[0], 'the shared folder beside a checkout is not part of the repository: copy what is needed into it');
    }
    for (const m of content.matchAll(ABSOLUTE)) add(m[0], 'an absolute path on a development machine');
    for (const m of content.matchAll(QUOTED_UP)) {
      const rel = m[2]!;
      // new URL(rel, base) is relative to that base; only import.meta.url means this file.
      const before = content.slice(0, m.index);
      const after = content.slice(m.index + m[0].length + 1);
      if (/new URL\(\s*$/.test(before) && !/^\s*,\s*import\.meta\.url/.test(after)) continue;
      if (resolveInside(dir, rel) === undefined) add(rel, `climbs above the repository root from ${dir}/`);
    }
    for (const m of content.matchAll(JOIN_CALL)) {
      if (joinEscapes(file, splitArgs(m[1]!))) add(m[0], 'joins to a path above the repository root');
    }
    for (const m of content.matchAll(MARKDOWN_NAME)) {
      const name = m[0];
      const candidates = name.includes('/') ? [resolveInside(dir, name), resolveInside('.', name)] : [];
      const found = name.includes('/') ? candidates.some((c) => c !== undefined && tracked.has(c)) : [...tracked].some((f) => posix.basename(f) === name);
      if (!found) add(name, 'names a document that is not in the repository (write it in docs/ and point there)');
    }
  });
  return findings;
}
