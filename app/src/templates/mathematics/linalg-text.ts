// Vectors and matrices written in descriptions: "(2,1) and (1,3)", "[2, 1] + [1, 3]", "<1, 2, 3>",
// "3i - 2j + k", "[[1,2],[3,4]]", "[1 2; 3 4]", "((1, 2), (3, 4))". Entries may be constants like "1/2"
// or "-pi"; anything that is not a finite number makes the whole vector or matrix unreadable.
import { evaluateConstant } from './expression.ts';

export type Matrix = number[][];

function entry(s: string): number | undefined {
  const t = s.trim().replace(/[−–]/g, '-');
  if (!t) return undefined;
  if (/^[-+]?(?:\d+(?:\.\d+)?|\.\d+)(?:e[-+]?\d+)?$/i.test(t)) {
    const n = Number(t);
    return Number.isFinite(n) ? n : undefined;
  }
  return evaluateConstant(t);
}

function row(s: string): number[] | undefined {
  const parts = s
    .trim()
    .split(/\s*[,;]\s*|\s+/)
    .filter(Boolean);
  const values = parts.map(entry);
  return values.every((v) => v !== undefined) && values.length ? (values as number[]) : undefined;
}

export interface FoundMatrix {
  matrix: Matrix;
  /** Where it starts in the text, and the name written before it ("A = [[…]]"), if any. */
  index: number;
  name?: string;
}

/** Every matrix written in the text, in order. Rows of unequal length are reported, not guessed. */
export function findMatrices(text: string, problems: string[] = []): FoundMatrix[] {
  const found: FoundMatrix[] = [];
  const taken: [number, number][] = [];
  const nameBefore = (index: number) => /(?:^|[^a-z])([A-Za-z])\s*(?:=|:)\s*$/.exec(text.slice(Math.max(0, index - 6), index))?.[1];
  const add = (rows: (number[] | undefined)[], index: number, length: number, raw: string) => {
    if (rows.some((r) => r === undefined) || rows.length === 0) {
      problems.push(`could not read the matrix ${raw.slice(0, 60)}: every entry must be a number`);
      return;
    }
    const m = rows as number[][];
    if (m.some((r) => r.length !== m[0]!.length)) {
      problems.push(`the rows of ${raw.slice(0, 60)} have different lengths (${m.map((r) => r.length).join(', ')})`);
      return;
    }
    taken.push([index, index + length]);
    const name = nameBefore(index);
    found.push({ matrix: m, index, ...(name ? { name: name.toUpperCase() } : {}) });
  };
  // [[1,2],[3,4]] and ((1,2),(3,4)): a bracket holding bracketed rows.
  for (const m of text.matchAll(/[[(]\s*((?:[[(][^[\]()]*[\])]\s*[,;]?\s*)+)[\])]/g)) {
    const rows = [...m[1]!.matchAll(/[[(]([^[\]()]*)[\])]/g)].map((r) => row(r[1]!));
    add(rows, m.index!, m[0].length, m[0]);
  }
  // [1 2; 3 4]: rows separated by semicolons.
  for (const m of text.matchAll(/\[([^[\]()]*;[^[\]()]*)\]/g)) {
    if (taken.some(([a, b]) => m.index! >= a && m.index! < b)) continue;
    add(
      m[1]!.split(';').map((r) => row(r.replace(/,/g, ' '))),
      m.index!,
      m[0].length,
      m[0],
    );
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Every 2D or 3D vector written in the text, in order, outside any matrix. */
export function findVectors(text: string): number[][] {
  const inMatrix: [number, number][] = [];
  for (const m of text.matchAll(/[[(]\s*(?:[[(][^[\]()]*[\])]\s*[,;]?\s*)+[\])]/g)) inMatrix.push([m.index!, m.index! + m[0].length]);
  const out: { v: number[]; index: number }[] = [];
  const NUM = String.raw`[-+−]?\s*(?:\d+(?:\.\d+)?|\.\d+)(?:e[-+]?\d+)?`;
  const tuple = new RegExp(String.raw`[(\[<⟨]\s*(${NUM}(?:\s*[,;]\s*${NUM}|\s+${NUM}){1,2})\s*[)\]>⟩]`, 'gi');
  for (const m of text.matchAll(tuple)) {
    if (inMatrix.some(([a, b]) => m.index! >= a && m.index! < b)) continue;
    const v = m[1]!.split(/\s*[,;]\s*|\s+(?=[-+−]?\s*[\d.])/).map((s) => entry(s.replace(/\s+/g, '')));
    if (v.every((x) => x !== undefined)) out.push({ v: v as number[], index: m.index! });
  }
  // Unit-vector notation: "2i + 3j", "3i - 2j + k", "-i + 4j".
  const term = String.raw`(?:\d+(?:\.\d+)?\s*\*?\s*)?[ijk]\b`;
  const unit = new RegExp(String.raw`(?:^|[^a-z\d.])([-−]?\s*${term}(?:\s*[-+−]\s*${term}){1,2})`, 'gi');
  for (const m of text.matchAll(unit)) {
    const v = [0, 0, 0];
    let used = 0;
    for (const term of m[1]!.matchAll(/([-+−]?)\s*(\d+(?:\.\d+)?)?\s*\*?\s*([ijk])\b/gi)) {
      const k = 'ijk'.indexOf(term[3]!.toLowerCase());
      v[k] = (term[1] === '-' || term[1] === '−' ? -1 : 1) * (term[2] ? Number(term[2]) : 1);
      used |= 1 << k;
    }
    if (used & 3) out.push({ v: used & 4 ? v : v.slice(0, 2), index: m.index! });
  }
  return out.sort((a, b) => a.index - b.index).map((o) => o.v);
}

export function matMul(a: Matrix, b: Matrix): Matrix {
  return a.map((r) => b[0]!.map((_, j) => r.reduce((s, v, k) => s + v * b[k]![j]!, 0)));
}

export function matrixTex(m: Matrix, format: (v: number) => string): string {
  return `\\begin{pmatrix}${m.map((r) => r.map(format).join(' & ')).join(' \\\\ ')}\\end{pmatrix}`;
}
