// The SDK's types are generated from the API's OpenAPI document: this fails while sdk/src/types.ts is not
// what app/scripts/generate-sdk-types.ts makes of the routes as they are now (run it to fix). And the SDK
// stays a package of its own: it imports nothing from outside sdk/src and no package at all.
import test from 'ava';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sdkTypesSource } from '../../scripts/sdk-types.ts';

const SRC = fileURLToPath(new URL('../../../sdk/src/', import.meta.url));

test('sdk/src/types.ts is what the OpenAPI document generates', async (t) => {
  const target = `${SRC}types.ts`;
  const expected = await sdkTypesSource(target);
  const actual = await readFile(target, 'utf8');
  t.true(actual === expected, 'sdk/src/types.ts is stale: run `node app/scripts/generate-sdk-types.ts` and commit the result');
  t.regex(actual, /export type PostApiV1AnimationsGenerateBody = \{/);
});

test('the SDK imports only its own files', async (t) => {
  for (const file of await readdir(SRC)) {
    const text = await readFile(`${SRC}${file}`, 'utf8');
    for (const [, spec] of text.matchAll(/(?:from|import)\s+'([^']+)'/g)) t.regex(spec!, /^\.\/[\w-]+\.ts$/, `${file} imports ${spec}`);
  }
});
