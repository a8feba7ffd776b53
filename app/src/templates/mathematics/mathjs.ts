// mathjs, loaded on first use: importing it costs about half a second of start-up, which `devforge
// render --scene` and the server's other paths should not pay. (Its CommonJS build loads synchronously.)
import { createRequire } from 'node:module';
import type * as MathJs from 'mathjs';

let loaded: typeof MathJs | undefined;

export function mathjs(): typeof MathJs {
  loaded ??= createRequire(import.meta.url)('mathjs') as typeof MathJs;
  return loaded;
}
