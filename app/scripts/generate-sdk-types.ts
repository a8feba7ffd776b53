// Writes sdk/src/types.ts from the API's OpenAPI document (sdk-types.ts says how). Run: node app/scripts/generate-sdk-types.ts
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sdkTypesSource } from './sdk-types.ts';

const target = fileURLToPath(new URL('../../sdk/src/types.ts', import.meta.url));
await writeFile(target, await sdkTypesSource(target));
console.log(`wrote ${target}`);
process.exit(0);
