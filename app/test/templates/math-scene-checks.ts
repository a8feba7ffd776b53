// Checks every mathematics scene must pass: it validates, its formulas typeset, its labels are readable
// and inside the 16 x 9 view, and its captions are in order within the animation.
import type { ExecutionContext } from 'ava';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { latexToSvg } from '../../src/render/math.ts';
import type { Scene } from '../../src/scene/schema.ts';
import type { AnalyzeOptions } from '../../src/analysis/analyze.ts';

export function mathScene(description: string, opts: AnalyzeOptions = {}) {
  return sceneFromDescription(description, { width: 1280, height: 720, fps: 30, ...opts });
}

export function checkScene(t: ExecutionContext, scene: Scene, label: string): void {
  for (const obj of scene.objects) {
    if (obj.type === 'math') t.notThrows(() => latexToSvg(obj.latex), `${label}: ${obj.id} typesets "${obj.latex}"`);
    if (obj.type === 'text' || obj.type === 'math') {
      t.true(obj.size >= 0.28, `${label}: ${obj.id} is readable (size ${obj.size})`);
      if (!obj.parent) t.true(Math.abs(obj.x) <= 7.8 && Math.abs(obj.y) <= 4.3, `${label}: ${obj.id} at (${obj.x}, ${obj.y}) is inside the view`);
    }
  }
  for (const e of scene.timeline) {
    if (e.type === 'set' && e.property === 'latex' && typeof e.value === 'string') t.notThrows(() => latexToSvg(e.value as string), `${label}: latex ${e.value}`);
  }
  const caps = scene.narration.steps;
  t.true(caps.length >= 2, `${label}: has captions`);
  for (let i = 0; i < caps.length; i++) {
    t.true(caps[i]!.start + caps[i]!.duration <= scene.duration + 1e-9 && caps[i]!.duration > 0, `${label}: caption ${i} inside the animation`);
    if (i) t.true(caps[i]!.start >= caps[i - 1]!.start, `${label}: captions in order`);
  }
}
