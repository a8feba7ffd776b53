// Fails when top-level folders of app/src import each other, directly or round a longer loop (part of `npm run lint:layers`).
// dependency-cruiser's own folder rules compare a file's folder with the imported file's *own* folder, so an import of
// app/src/platform/db/entities/x.ts from app/src/render is not render → platform to them, and a loop through a subfolder
// goes unseen. This reads dependency-cruiser's graph (same config, type-only imports included), collapses every file to
// its top-level folder (or to itself, for a file such as pipeline.ts that sits in app/src), and reports each loop with
// one import per step, so the fix is obvious. Run: node app/scripts/check-folder-cycles.ts
import { cruise } from 'dependency-cruiser';
import type { ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';

const ROOT = 'app/src/';

/** `app/src/render/page-server.ts` → `render`; `app/src/pipeline.ts` → `pipeline.ts`; outside app/src → undefined. */
function topLevel(path: string): string | undefined {
  return path.startsWith(ROOT) ? path.slice(ROOT.length).split('/')[0] : undefined;
}

/** Folder → folder → one import that makes the edge (importing file → imported file). */
function folderGraph(result: ICruiseResult): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const module of result.modules) {
    const from = topLevel(module.source);
    if (from === undefined) continue;
    if (!graph.has(from)) graph.set(from, new Map());
    for (const dependency of module.dependencies) {
      const to = topLevel(dependency.resolved);
      if (to === undefined || to === from) continue;
      const edges = graph.get(from)!;
      if (!edges.has(to)) edges.set(to, `${module.source} → ${dependency.resolved}`);
    }
  }
  return graph;
}

/** Tarjan's strongly connected components; every component of more than one folder is a loop. */
function loops(graph: Map<string, Map<string, string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
const { output } = await cruise([ROOT], { ...options, validate: false });
const graph = folderGraph(output as ICruiseResult);
const found = loops(graph);
if (found.length === 0) {
  console.log(`✔ no import loops between the ${graph.size} top-level parts of ${ROOT}`);
} else {
  for (const component of found) {
    console.error(`error no-cycles-between-top-level-folders: ${component.join(', ')} import each other:`);
    for (const from of component) {
      for (const [to, example] of graph.get(from)!) if (component.includes(to)) console.error(`    ${from} → ${to}, e.g. ${example}`);
    }
  }
  console.error(`\nx ${found.length} import loop(s) between top-level folders of ${ROOT}: move the shared code down a layer or invert the dependency.`);
  process.exitCode = 1;
}
