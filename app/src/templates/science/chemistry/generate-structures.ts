// Writes molecule-structures.json: the 3D structure of every built-in molecule, generated with the
// same code the template uses at run time (so shipped and generated structures are identical).
// Run after editing molecule-table.ts:  node app/src/templates/science/chemistry/generate-structures.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { BUNDLE_URL, CONFORMER_SEED, FORCE_FIELD, generateStructure, type BundledStructures, type Structure } from './molecule-geometry.ts';
import { MOLECULES } from './molecule-table.ts';

const require = createRequire(import.meta.url);
// package.json is not in the package's exports: find it beside the resolved entry point (dist/..).
const packageJson = new URL('../package.json', pathToFileURL(require.resolve('openchemlib')));
const version = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;

const molecules: Record<string, Structure> = {};
const started = performance.now();
for (const entry of MOLECULES) {
  const t = performance.now();
  molecules[entry.name] = generateStructure(entry.smiles);
  const s = molecules[entry.name]!;
  process.stdout.write(`${entry.name.padEnd(28)} ${String(s.atoms.length).padStart(3)} atoms ${s.minimised ? '' : '(not minimised) '}${(performance.now() - t).toFixed(0)} ms\n`);
}
const bundle: BundledStructures = { generator: { library: 'openchemlib', version, seed: CONFORMER_SEED, forceField: FORCE_FIELD }, molecules };
// One molecule per line: diffs stay readable when a row changes.
const lines = Object.entries(molecules).map(([name, s]) => `    ${JSON.stringify(name)}: ${JSON.stringify(s)}`);
writeFileSync(BUNDLE_URL, `{\n  "generator": ${JSON.stringify(bundle.generator)},\n  "molecules": {\n${lines.join(',\n')}\n  }\n}\n`);
process.stdout.write(`${MOLECULES.length} structures in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
