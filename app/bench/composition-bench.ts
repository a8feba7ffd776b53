// Composition speed: capping a 10,000-value list for each sort, and molecule structures (generating one that is
// not in the shipped table, serving it again from the cache, composing built-in molecules). These were once timing
// asserts in the tests (analysis, algo-sorts, chem-molecule); a loaded machine made them flake, so they are figures here.
import { analyze } from '../src/analysis/analyze.ts';
import { sceneFromDescription } from '../src/pipeline.ts';
import { StructureStore } from '../src/templates/science/chemistry/molecule-geometry.ts';

const ms = (t0: number) => Math.round((performance.now() - t0) * 1000) / 1000;

/** Analysing "<sort> v1 v2 … v10000", which is capped to 16 values with a warning. */
export function benchCappedLists(): Record<string, number> {
  const values = Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 1000).join(' ');
  const figures: Record<string, number> = {};
  analyze(`bubble sort ${values}`, { maxLength: 100_000 }); // warm-up
  for (const name of ['bubble sort', 'insertion sort', 'selection sort', 'merge sort', 'quicksort', 'heap sort']) {
    const t0 = performance.now();
    analyze(`${name} ${values}`, { maxLength: 100_000 });
    figures[name.replace(' ', '_')] = ms(t0);
  }
  return figures;
}

/** A SMILES outside the table (4-tert-butylphenol): openchemlib conformer generation, then the cached copy. */
export function benchMolecules(): { generate_ms: number; cache_hit_ms: number; compose_built_in_ms: Record<string, number> } {
  const store = new StructureStore();
  const smiles = 'CC(C)(C)c1ccc(O)cc1';
  let t0 = performance.now();
  store.get(smiles);
  const generate_ms = ms(t0);
  t0 = performance.now();
  store.get(smiles);
  const cache_hit_ms = ms(t0);
  const compose_built_in_ms: Record<string, number> = {};
  for (const [name, text] of [
    ['caffeine', 'caffeine molecule'],
    ['cholesterol', 'cholesterol molecule'],
    ['sucrose', 'space-filling model of sucrose'],
  ] as const) {
    t0 = performance.now();
    sceneFromDescription(text, { width: 1280, height: 720, fps: 30 });
    compose_built_in_ms[name] = ms(t0);
  }
  return { generate_ms, cache_hit_ms, compose_built_in_ms };
}
