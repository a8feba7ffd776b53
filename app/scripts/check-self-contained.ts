// node app/scripts/check-self-contained.ts: fails (exit 1), listing file:line and the reference, when a
// tracked file refers to a path outside the repository, so that a clone with nothing beside it works.
import { fileURLToPath } from 'node:url';
import { scanRepository } from './self-contained/scan.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const { files, findings } = scanRepository(ROOT);
for (const f of findings) console.error(`${f.file}:${f.line}: ${f.reference} — ${f.reason}`);
if (findings.length) {
  console.error(`check-self-contained: ${findings.length} reference(s) outside the repository in ${files} files; move what they need into the repository (docs/, app/test/fixtures/) and point there`);
  process.exit(1);
}
console.log(`check-self-contained: ${files} tracked text files, none refers outside the repository`);
