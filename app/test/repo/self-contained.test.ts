// The repository stands alone: no tracked file refers to a path outside it (so a clone with nothing beside
// it passes `npm test`), and the check catches the ways such references get written.
import test from 'ava';
import { fileURLToPath } from 'node:url';
import { findOutsideReferences } from '../../scripts/self-contained/outside-references.ts';
import { scanRepository } from '../../scripts/self-contained/scan.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

// The bad snippets are assembled from pieces so that this file itself passes the check it tests.
const UP = '..';
const SHARED = `${UP}/shared`;
const WORK = `/${'work'}/`;
const ROOT_HOME = `/${'root'}/`;
const CATALOGUE = `CATALOGUE${'.md'}`;
const MISSING = `nothing-here${'.md'}`;
const TRACKED = new Set(['README.md', 'docs/template-contract.md', 'app/test/fixtures/analysis-examples.jsonl', 'app/src/x.ts']);

function references(path: string, text: string): string[] {
  return findOutsideReferences(path, text, TRACKED).map((f) => `${f.line}:${f.reference}`);
}

test('no tracked file refers outside the repository', (t) => {
  const { files, findings } = scanRepository(ROOT);
  t.true(files > 100, `only ${files} files scanned`);
  t.deepEqual(
    findings.map((f) => `${f.file}:${f.line}: ${f.reference} (${f.reason})`),
    [],
    'run node app/scripts/check-self-contained.ts to list them',
  );
});

test('the shared folder beside a checkout is caught, in code and in comments', (t) => {
  t.deepEqual(references('app/test/helpers/examples.ts', `// Reads ${SHARED}/examples/analysis.jsonl\nconst a = 1;`), [`1:${SHARED}/examples/analysis.jsonl`]);
  t.deepEqual(references('app/x.ts', `readFileSync('${SHARED}/examples/analysis.jsonl')`), [`1:${SHARED}/examples/analysis.jsonl`]);
});

test('absolute paths under /work and /root are caught; URLs and prose are not', (t) => {
  t.deepEqual(references('app/x.ts', `const f = '${WORK}shared/x.json';`), [`1:${WORK}shared/x.json`]);
  t.deepEqual(references('.ci/run', `export PATH=${ROOT_HOME}node24/bin:$PATH`), [`1:${ROOT_HOME}node24/bin`]);
  t.deepEqual(references('app/x.ts', `// see https://example.com${WORK}a and a clone in /root, or /workspace/x`), []);
});

test('new URL(…, import.meta.url) above the root is caught; inside it, or against another base, is not', (t) => {
  const escaping = `new URL('${UP}/${UP}/${UP}/${UP}/elsewhere/a.jsonl', import.meta.url)`;
  t.deepEqual(references('app/test/helpers/examples.ts', escaping), [`1:${UP}/${UP}/${UP}/${UP}/elsewhere/a.jsonl`]);
  t.deepEqual(references('app/test/helpers/examples.ts', `new URL('${UP}/fixtures/analysis-examples.jsonl', import.meta.url)`), []);
  t.deepEqual(references('app/src/platform/server/version.ts', `new URL('${UP}/${UP}/${UP}/${UP}/package.json', import.meta.url)`), []);
  t.deepEqual(references('app/src/a.ts', `new URL('${UP}/${UP}/${UP}/package.json', pathToFileURL(require.resolve('x')))`), []);
});

test('path.join / resolve steps above the root are caught, step literals one by one included', (t) => {
  const joined = (path: string, text: string) => findOutsideReferences(path, text, TRACKED).filter((f) => f.reason.startsWith('joins')).length;
  t.is(joined('app/x.ts', `join(import.meta.dirname, '${UP}', '${UP}', 'elsewhere')`), 1);
  t.is(joined('app/x.ts', `path.resolve(dirname(fileURLToPath(import.meta.url)), '${UP}', '${UP}/elsewhere')`), 1);
  t.is(joined('app/x.ts', `resolve('${UP}', 'elsewhere')`), 1, 'relative to the working directory (the root for npm scripts)');
  t.deepEqual(references('app/src/x.ts', `join(import.meta.dirname, '${UP}', '${UP}', 'docs')`), []);
  t.deepEqual(references('app/src/x.ts', `join(config.data.dir, '${UP}', '${UP}', '${UP}')`), [], 'an unknown base cannot be told');
});

test('quoted relative paths and template literals above the root are caught; prose in quotes is not', (t) => {
  t.deepEqual(references('app/x.ts', `const p = \`${UP}/${UP}/\${name}.json\`;`), [`1:${UP}/${UP}/`]);
  t.deepEqual(references('app/test/platform/storage.test.ts', `for (const key of ['${UP}/etc/passwd', 'a/${UP}/${UP}/b'])`), []);
  t.deepEqual(references('app/x.ts', `// it's '${UP} and more' than 'that'`), []);
});

test('a document named but not in the repository is caught; tracked ones are not', (t) => {
  t.deepEqual(references('app/src/templates/types.ts', `// The contract (see ${CATALOGUE}).`), [`1:${CATALOGUE}`]);
  t.deepEqual(references('app/src/templates/types.ts', '// The contract (see docs/template-contract.md), README.md.'), []);
  t.deepEqual(references('docs/README.md', `[contract](template-contract.md), [missing](${MISSING}), [up](${UP}/README.md)`), [`1:${MISSING}`]);
});

test('each finding names its line', (t) => {
  const findings = findOutsideReferences('app/x.ts', `const a = 1;\n\n// ${SHARED}/DESIGN\nconst b = '${WORK}x';`, TRACKED);
  t.deepEqual(
    findings.map((f) => [f.line, f.file]),
    [
      [3, 'app/x.ts'],
      [4, 'app/x.ts'],
    ],
  );
  t.true(findings.every((f) => f.reason.length > 20));
});
