#!/usr/bin/env node
// The `devforge` command. The application is TypeScript run by Node's own type stripping (Node 24+).
const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  console.error(`devforge: Node.js 24 or newer is required; this is ${process.version}. See README.md, "Requirements".`);
  process.exit(1);
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
