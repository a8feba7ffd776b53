// The fixed scenes the benchmark renders: 10 s each, composed by the real templates where they exist.
import { sceneFromDescription } from '../src/pipeline.ts';
import type { Scene } from '../src/scene/schema.ts';
import { parseScene } from '../src/scene/validate.ts';
import { getTemplate } from '../src/templates/registry.ts';

export const BENCH_DURATION_S = 10;

export interface BenchScene {
  name: string;
  kind: '2d' | '3d';
  make(width: number, height: number): Scene;
}

function fromDescription(name: string, template: string, description: string): BenchScene | undefined {
  if (!getTemplate(template)) return undefined;
  return { name, kind: '2d', make: (width, height) => sceneFromDescription(description, { width, height, fps: 30, duration: BENCH_DURATION_S }).scene };
}

/** 30 lit, rotating meshes: the scene docs/rendering.md measured the capture methods and Remotion on. */
function meshes(width: number, height: number): Scene {
  const shapes = ['sphere', 'box', 'torus', 'icosahedron', 'cone', 'dodecahedron'] as const;
  const objects = Array.from({ length: 30 }, (_, i) => ({
    id: `m${i}`,
    type: 'mesh' as const,
    shape: shapes[i % shapes.length]!,
    radius: 0.45,
    x: ((i % 6) - 2.5) * 1.6,
    y: (Math.floor(i / 6) - 2) * 1.4,
    z: 0,
    color: (['$primary', '$secondary', '$accent', '$success', '$danger'] as const)[i % 5]!,
  }));
  const timeline = objects.flatMap((o, i) => [
    { type: 'tween' as const, target: o.id, property: 'rotationY', from: 0, to: 360, start: 0, duration: BENCH_DURATION_S, easing: 'linear' as const },
    { type: 'tween' as const, target: o.id, property: 'rotationX', from: 0, to: 180 + i * 6, start: 0, duration: BENCH_DURATION_S, easing: 'linear' as const },
  ]);
  return parseScene({
    version: 1,
    width,
    height,
    fps: 30,
    duration: BENCH_DURATION_S,
    style: { theme: 'scientific' },
    camera: { type: 'perspective', fov: 45, z: 11 },
    objects,
    timeline,
  });
}

export function benchScenes(): BenchScene[] {
  return [
    fromDescription('bars', 'sort.bubble', 'Demonstrate bubble sort on 5 3 8 1 9 2 7 4'),
    fromDescription('plot', 'function.plot', 'Plot y = sin(x) and y = cos(x) from -6 to 6'),
    fromDescription('flow', 'business.process_flow', 'Our incident response process: detect, triage, contain, eradicate, recover, review'),
    { name: 'meshes30', kind: '3d' as const, make: meshes },
  ].filter((s): s is BenchScene => s !== undefined);
}
