#!/usr/bin/env node
// The vendor's license and release signing tool: `npx devforge-license keygen|issue|renew|inspect|sign`. TypeScript run by Node's own
// type stripping (Node 24+), like the appliance's `devforge` command.
const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  console.error(`devforge-license: Node.js 24 or newer is required; this is ${process.version}.`);
  process.exit(1);
}
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
