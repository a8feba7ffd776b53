// search.binary: on a sorted list, probe the middle of the range lo..hi (mid = floor((lo + hi) / 2))
// and keep the half that can still hold the target. Unsorted input is sorted first, with a warning.
import { roleColor } from '../emphasis/roles.ts';
import { defineTemplate } from '../types.ts';
import { AlgoScene, formatNumber, listText } from './algo-scene.ts';
import { layoutCells } from './array-cells.ts';
import { extractSearchParams, searchParams, type SearchParams } from './search-params.ts';

export interface BinaryProbe {
  lo: number;
  hi: number;
  mid: number;
}

export function binarySearch(values: number[], target: number): { found: boolean; index: number; probes: number[]; trace: BinaryProbe[]; sorted: number[] } {
  const a = [...values].sort((x, y) => x - y);
  const trace: BinaryProbe[] = [];
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    trace.push({ lo, hi, mid });
    if (a[mid] === target) return { found: true, index: mid, probes: trace.map((p) => p.mid), trace, sorted: a };
    if (a[mid]! < target) lo = mid + 1;
    else hi = mid - 1;
  }
  return { found: false, index: -1, probes: trace.map((p) => p.mid), trace, sorted: a };
}

function isSorted(values: number[]): boolean {
  return values.every((v, i) => i === 0 || values[i - 1]! <= v);
}

export const searchBinary = defineTemplate<SearchParams>({
  id: 'search.binary',
  title: 'Binary search',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'Binary search for 23 in 2, 5, 8, 12, 16, 23, 38, 56, 72, 91',
  params: searchParams({ values: [2, 5, 8, 12, 16, 23, 38, 56, 72, 91], target: 23 }),
  vocabulary: ['binary', 'search', 'bisection'],
  triggers: [
    { pattern: /\bbinary search(?! tree)/, score: 0.95 },
    { pattern: /\b(bisection|half interval|logarithmic) search/, score: 0.85 },
    { pattern: /\bbinary\b.*\bsearch(?! tree)|\bsearch\b.*\bbinary(?! (search )?tree)/, score: 0.8 },
    { pattern: /\b(search|find)\b.*\bsorted (list|array)/, score: 0.6 },
  ],
  extract(text, warnings) {
    const out = extractSearchParams(text, warnings, ['binary', 'search']);
    if (out.values && !isSorted(out.values)) {
      out.values = [...out.values].sort((x, y) => x - y);
      warnings.push(`binary search needs a sorted list: the values were sorted first (${listText(out.values)})`);
    }
    return out;
  },
  facts({ values, target }) {
    const { found, index, probes } = binarySearch(values, target);
    return { found, index, probes };
  },
  compose({ values, target }, facts) {
    const { sorted, trace } = binarySearch(values, target);
    const row = layoutCells(sorted, { y: 0.3 });
    let probes = 0;
    const counter = (lo: number, hi: number) => `target ${formatNumber(target)}   probes ${probes}   range ${lo}–${hi}`;
    const scene = new AlgoScene('Binary search', counter(0, sorted.length - 1));
    const tl = scene.tl;
    scene.add(...row.objects);
    const top = row.y + row.size / 2;
    const bottom = row.y - row.size / 2 - 0.3;
    scene.add(
      { id: 'mid', type: 'text', text: 'mid\n▼', x: row.x[0]!, y: top + 0.5, size: 0.32, font: 'mono', color: roleColor('compare') },
      // lo and hi are the two ends of one thing, the range still searched: one role, one colour.
      { id: 'lo', type: 'text', text: '▲\nlo', x: row.x[0]!, y: bottom - 0.6, size: 0.32, font: 'mono', color: roleColor('range') },
      { id: 'hi', type: 'text', text: '▲\nhi', x: row.x[sorted.length - 1]!, y: bottom - 1.45, size: 0.32, font: 'mono', color: roleColor('range') },
    );
    scene.legend = [{ role: 'compare', label: 'mid, probed' }, { role: 'range', label: 'lo … hi', swatch: { text: '▲' } }, { role: 'found' }];
    const unsorted = !isSorted(values);
    scene.intro(`Binary search for ${formatNumber(target)} in ${sorted.length > 8 ? `a sorted list of ${sorted.length} values` : `the sorted list ${listText(sorted)}`}${unsorted ? ' (sorted first)' : ''}.`, 1.4);
    for (const id of [...row.cellIds, ...row.valueIds, ...row.indexIds]) tl.appear(id, 0.4);
    tl.wait(1.4);
    tl.appear('lo', 0.3).appear('hi', 0.3);
    let dimmedLo = 0;
    let dimmedHi = sorted.length - 1;
    const dim = (from: number, to: number) => {
      for (let i = from; i <= to; i++) {
        for (const id of [row.cellIds[i]!, row.valueIds[i]!]) tl.add({ type: 'tween', target: id, property: 'opacity', to: 0.25, start: tl.t, duration: 0.3 });
      }
    };
    trace.forEach(({ lo, hi, mid }, n) => {
      probes++;
      tl.add({ type: 'move', target: 'lo', start: tl.t, duration: 0.3, to: { x: row.x[lo]! } });
      tl.add({ type: 'move', target: 'hi', start: tl.t, duration: 0.3, to: { x: row.x[hi]! } });
      // Everything outside lo..hi is ruled out.
      dim(dimmedLo, lo - 1);
      dim(hi + 1, dimmedHi);
      dimmedLo = Math.max(dimmedLo, lo);
      dimmedHi = Math.min(dimmedHi, hi);
      tl.wait(0.3);
      if (n === 0) tl.appear('mid', 0.3, 'fade', tl.t - 0.3);
      tl.add({ type: 'move', target: 'mid', start: tl.t - 0.3, duration: 0.3, to: { x: row.x[mid]! } });
      scene.counter(counter(lo, hi));
      const v = sorted[mid]!;
      const verdict = v === target ? 'found it' : v < target ? 'search the right half' : 'search the left half';
      scene.step(`mid = ⌊(${lo} + ${hi}) / 2⌋ = ${mid}: a[${mid}] = ${formatNumber(v)} ${v === target ? '=' : v < target ? '<' : '>'} ${formatNumber(target)}, ${verdict}.`, 1.4, [row.cellIds[mid]!], { emphasis: 'pointer' });
      tl.add({ type: 'highlight', target: row.cellIds[mid]!, at: tl.t, duration: 1.2, color: roleColor('compare') });
      tl.wait(1.4);
      if (v === target) tl.add({ type: 'tween', target: row.cellIds[mid]!, property: 'fill', to: roleColor('found'), start: tl.t, duration: 0.3 });
    });
    if (!(facts.found as boolean)) {
      dim(dimmedLo, dimmedHi);
      scene.step(`The range is empty (lo > hi): ${formatNumber(target)} is not in the list.`, 1.2);
      tl.wait(1.2);
    }
    tl.wait(0.4);
    const probeList = `probes at ${listText(facts.probes as number[])}`;
    const result = facts.found ? `found ${formatNumber(target)} at index ${facts.index as number}; ${probeList}` : `${formatNumber(target)} not found (index -1); ${probeList}`;
    return scene.finish(result, `${result[0]!.toUpperCase()}${result.slice(1)}.`);
  },
});
