// The house style over every composed catalogue example and the held-out typical requests: no label, caption or
// title writes a power with a caret, uses the hyphen-minus as a minus sign, or shows a number with more significant
// figures than the formatter allows; the plots where slope is the point have equal axis scales; and every 2D layout
// is small enough for the player to fit inside the title-safe area without cutting anything.
import test from 'ava';
import { sceneFromDescription } from '../../src/pipeline.ts';
import type { Scene } from '../../src/scene/schema.ts';
import { MAX_SIG_FIGS, significantFigures } from '../../src/templates/format/index.ts';
import { TEMPLATES } from '../../src/templates/registry.ts';
import { MIN_CONTENT_SCALE, objectBox, titleSafeArea, type Box } from '../../src/templates/safe-area.ts';
import { loadRealDescriptions } from '../helpers/real-descriptions.ts';

const SIZE = { width: 1280, height: 720, fps: 30 };

/** Every plain text the scene shows (MathJax formulas are typeset, so their carets are powers drawn raised). */
export function shownTexts(scene: Scene): string[] {
  const texts: string[] = [];
  for (const o of scene.objects) {
    if (o.type === 'text') texts.push(o.text);
    if ((o.type === 'bar' || o.type === 'node' || o.type === 'edge') && o.label) texts.push(o.label);
    if (o.type === 'axes') texts.push(...[o.xLabel, o.yLabel].filter((l): l is string => Boolean(l)));
  }
  for (const e of scene.timeline) if (e.type === 'set' && (e.property === 'text' || e.property === 'label') && typeof e.value === 'string') texts.push(e.value);
  for (const step of scene.narration.steps) texts.push(step.text);
  return texts.filter(Boolean);
}

/** What breaks the notation rules in one text, in words. */
export function notationProblems(text: string): string[] {
  const out: string[] = [];
  if (/\^/.test(text)) out.push(`a caret power in "${text}" (write x², 2⁴)`);
  // A hyphen-minus used as a minus sign: before a digit, after a space, a bracket, "=" or the start.
  if (/(?:^|[\s(=[,:;/])-(?=\d|\.\d)/.test(text)) out.push(`a hyphen-minus as a minus sign in "${text}" (use − U+2212)`);
  for (const m of text.matchAll(/(?<![\w.])\d[\d\u202f]*\.\d+(?:\s*×\s*10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)?/g)) {
    if (significantFigures(m[0]) > MAX_SIG_FIGS) out.push(`${m[0]} has ${significantFigures(m[0])} significant figures (at most ${MAX_SIG_FIGS}) in "${text}"`);
  }
  return out;
}

function sceneProblems(scene: Scene): string[] {
  return [...new Set(shownTexts(scene).flatMap(notationProblems))];
}

test('the checks catch what the review found', (t) => {
  t.true(notationProblems('moves 3 / 15   (2^4 − 1 = 15)').length > 0);
  t.true(notationProblems('x = -3').length > 0);
  t.true(notationProblems('F9/F8 = 1.61905').length > 0);
  t.deepEqual(notationProblems('y = x² − 4 from x = −3 to 3; A-B, Q1-Q4, 2010–2015, H2O, 0.0352, t = 2.88 s'), []);
});

test('every catalogue example: no caret powers, no hyphen-minus as minus, no number past four significant figures', (t) => {
  for (const template of TEMPLATES) {
    const { scene } = sceneFromDescription(template.example, SIZE);
    t.deepEqual(sceneProblems(scene), [], `${template.id}: ${template.example}`);
  }
});

test('held-out typical requests (the covered rows of analysis-real.jsonl) follow the same notation', (t) => {
  const rows = loadRealDescriptions().filter((r) => r.template !== null);
  let composed = 0;
  const failures: string[] = [];
  for (const row of rows) {
    let scene: Scene;
    try {
      scene = sceneFromDescription(row.text, SIZE).scene;
    } catch {
      continue; // Refused descriptions are analysis-real.test.ts's business.
    }
    composed++;
    for (const p of sceneProblems(scene)) failures.push(`${row.text}: ${p}`);
  }
  t.true(composed >= 30, `${composed} composed`);
  t.deepEqual(failures, []);
});

test('the derivative plot scales x and y alike, so the tangent is drawn at its true angle', (t) => {
  for (const text of ['derivative of x^3 at x = 2', 'derivative of x^2 at x = 1', 'slope of sin(x) at x = 0']) {
    const { scene } = sceneFromDescription(text, SIZE);
    const axes = scene.objects.find((o) => o.type === 'axes');
    if (axes?.type !== 'axes') return t.fail(`${text}: no axes`);
    const perX = axes.width / (axes.xRange[1] - axes.xRange[0]);
    const perY = axes.height / (axes.yRange[1] - axes.yRange[0]);
    t.true(Math.abs(perX / perY - 1) < 1e-6, `${text}: ${perX.toFixed(3)} vs ${perY.toFixed(3)} units per unit`);
  }
});

test('every 2D catalogue example is laid out so the player fits it in the title-safe area without cutting it', (t) => {
  const safe = titleSafeArea(16 / 9);
  for (const template of TEMPLATES) {
    const { scene } = sceneFromDescription(template.example, SIZE);
    if (scene.camera.type !== 'orthographic') continue; // 3D scenes are framed by their camera.
    let box: Box | undefined;
    for (const o of scene.objects) {
      const b = o.parent ? undefined : objectBox(o);
      if (b) box = box ? { left: Math.min(box.left, b.left), right: Math.max(box.right, b.right), bottom: Math.min(box.bottom, b.bottom), top: Math.max(box.top, b.top) } : b;
    }
    if (!box) continue;
    const scale = Math.min((safe.right - safe.left) / (box.right - box.left), (safe.top - safe.bottom) / (box.top - box.bottom));
    t.true(scale >= MIN_CONTENT_SCALE, `${template.id}: its layout needs shrinking to ${scale.toFixed(2)} to fit the title-safe area (the player stops at ${MIN_CONTENT_SCALE})`);
  }
});
