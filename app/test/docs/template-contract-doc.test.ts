// docs/template-contract.md lists the catalogue: every registered template with its params and facts
// (stable API). This keeps the page and the registry from drifting apart.
import test from 'ava';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TEMPLATES } from '../../src/templates/registry.ts';

const DOC = readFileSync(fileURLToPath(new URL('../../../docs/template-contract.md', import.meta.url)), 'utf8');
const ROWS = new Map(
  DOC.split('\n')
    .map((line) => /^\| `([a-z0-9_]+\.[a-z0-9_]+)` *\|(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1]!, m[2]!]),
);

test('every template has a catalogue row, and every row is a template', (t) => {
  const ids = TEMPLATES.map((tpl) => tpl.id);
  t.deepEqual(
    ids.filter((id) => !ROWS.has(id)),
    [],
    'templates missing from docs/template-contract.md',
  );
  t.deepEqual(
    [...ROWS.keys()].filter((id) => !ids.includes(id)),
    [],
    'rows in docs/template-contract.md for no template',
  );
});

for (const template of TEMPLATES) {
  test(`${template.id}: its row names every param and the facts of its defaults`, (t) => {
    const row = ROWS.get(template.id);
    if (!row) return t.fail(`no row for ${template.id}`);
    const shape = (template.params as unknown as { shape?: Record<string, unknown> }).shape ?? {};
    const params = template.params.parse({}) as Record<string, unknown>;
    const facts = Object.keys(template.facts(params));
    t.deepEqual(
      Object.keys(shape).filter((p) => !row.includes(`\`${p}\``)),
      [],
      'params missing from the row',
    );
    t.deepEqual(
      facts.filter((f) => !row.includes(`\`${f}\``)),
      [],
      'facts missing from the row',
    );
  });
}
