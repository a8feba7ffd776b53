// search.linear: look at each value from the left until the target turns up (first match, 0-based).
import { roleColor } from '../emphasis/roles.ts';
import { defineTemplate } from '../types.ts';
import { AlgoScene, formatNumber, listText } from './algo-scene.ts';
import { layoutCells } from './array-cells.ts';
import { extractSearchParams, searchParams, type SearchParams } from './search-params.ts';

export function linearSearch(values: number[], target: number): { found: boolean; index: number; comparisons: number } {
  for (let i = 0; i < values.length; i++) if (values[i] === target) return { found: true, index: i, comparisons: i + 1 };
  return { found: false, index: -1, comparisons: values.length };
}

export const searchLinear = defineTemplate<SearchParams>({
  id: 'search.linear',
  title: 'Linear search',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'linear search for 7 in 3 9 7 1',
  params: searchParams({ values: [5, 3, 8, 1, 9, 2, 7, 4], target: 9 }),
  vocabulary: ['linear', 'sequential', 'search'],
  triggers: [
    { pattern: /\b(linear|sequential) search/, score: 0.95 },
    { pattern: /\b(linear|sequential)\b.*\bsearch|\bsearch\b.*\b(linear|sequential)/, score: 0.8 },
    { pattern: /\b(search|find|look) (for )?(the )?(value |number )?[-\d.]+ in\b/, score: 0.5 },
  ],
  extract: (text, warnings) => extractSearchParams(text, warnings, ['linear', 'search']),
  facts: ({ values, target }) => linearSearch(values, target),
  compose({ values, target }, facts) {
    const row = layoutCells(values, { y: 0.2 });
    let comparisons = 0;
    const counter = () => `target ${formatNumber(target)}   comparisons ${comparisons}`;
    const scene = new AlgoScene('Linear search', counter());
    const tl = scene.tl;
    scene.add(...row.objects);
    const pointerY = row.y + row.size / 2 + 0.45;
    scene.add({ id: 'pointer', type: 'text', text: 'i\n▼', x: row.x[0]!, y: pointerY, size: 0.32, font: 'mono', color: roleColor('compare') });
    scene.legend = [{ role: 'compare' }, { role: 'found' }];
    scene.intro(`Linear search for ${formatNumber(target)}${values.length > 8 ? '' : ` in ${listText(values)}`}: check each value from the left.`, 1.3);
    for (const id of [...row.cellIds, ...row.valueIds, ...row.indexIds]) tl.appear(id, 0.4);
    tl.wait(1.3);
    tl.appear('pointer', 0.3);
    const k = Math.min(1, 30 / Math.max(1, values.length * 1.1));
    const index = facts.index as number;
    const last = index >= 0 ? index : values.length - 1;
    for (let i = 0; i <= last; i++) {
      comparisons++;
      const hit = values[i] === target;
      if (i > 0) tl.add({ type: 'move', target: 'pointer', start: tl.t, duration: 0.25 * k, to: { x: row.x[i]! } });
      scene.counter(counter());
      scene.step(`a[${i}] = ${formatNumber(values[i]!)} ${hit ? '=' : '≠'} ${formatNumber(target)}${hit ? ': found it.' : ': keep going.'}`, 0.7 * k, [row.cellIds[i]!]);
      tl.add({ type: 'highlight', target: row.cellIds[i]!, at: tl.t, duration: 0.6 * k, color: roleColor('compare') });
      tl.wait(0.7 * k);
      if (hit) tl.add({ type: 'tween', target: row.cellIds[i]!, property: 'fill', to: roleColor('found'), start: tl.t, duration: 0.3 });
      else tl.add({ type: 'tween', target: row.valueIds[i]!, property: 'opacity', to: 0.35, start: tl.t, duration: 0.2 * k });
    }
    if (index < 0) {
      tl.add({ type: 'disappear', target: 'pointer', at: tl.t, duration: 0.3 });
      scene.step(`Reached the end: ${formatNumber(target)} is not in the list.`, 1);
      tl.wait(1);
    }
    tl.wait(0.4);
    const result = index >= 0 ? `found ${formatNumber(target)} at index ${index} after ${facts.comparisons as number} comparisons` : `${formatNumber(target)} not found (index -1) after ${facts.comparisons as number} comparisons`;
    return scene.finish(result, `${result[0]!.toUpperCase()}${result.slice(1)}.`);
  },
});
