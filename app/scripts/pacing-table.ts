// Prints, for every catalogue template's example, the video length, the number of narration steps and how
// many of them break the reading rule (under 1.2 s, or over 17 characters a second) — the figures behind
// docs/pacing.md. Run: node app/scripts/pacing-table.ts [--failures]
import { sceneFromDescription } from '../src/pipeline.ts';
import { TEMPLATES } from '../src/templates/registry.ts';
import { pacingProblem } from '../src/templates/pacing.ts';

const SIZE = { width: 1280, height: 720, fps: 30 };
const showFailures = process.argv.includes('--failures');

console.log('| template | example | length (s) | steps | failing |');
console.log('|---|---|---:|---:|---:|');
let total = 0;
let failing = 0;
for (const template of TEMPLATES) {
  const { scene } = sceneFromDescription(template.example, SIZE);
  const problems = scene.narration.steps.map((s) => ({ text: s.text, problem: pacingProblem(s.text, s.duration) })).filter((p) => p.problem);
  total += scene.narration.steps.length;
  failing += problems.length;
  console.log(`| ${template.id} | ${template.example} | ${scene.duration.toFixed(1)} | ${scene.narration.steps.length} | ${problems.length} |`);
  if (showFailures) for (const p of problems) console.log(`|   | ${p.problem}: ${p.text} | | | |`);
}
console.log(`\n${failing} of ${total} steps fail the rule.`);
