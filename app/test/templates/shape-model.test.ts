import test from 'ava';
import * as THREE from 'three';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { shapeFacts } from '../../src/templates/general/model-shape.ts';
import { POLYHEDRA, polyhedron, type PolyhedronName } from '../../src/templates/general/shape-solids.ts';

/** The geometry the player draws for a polyhedron scaled by k (see polyhedron()). */
function threeGeometry(shape: PolyhedronName, k: number): THREE.BufferGeometry {
  switch (shape) {
    case 'cube':
      return new THREE.BoxGeometry((2 * k) / Math.sqrt(3), (2 * k) / Math.sqrt(3), (2 * k) / Math.sqrt(3));
    case 'pyramid':
      return new THREE.ConeGeometry(k, k, 4, 1);
    case 'tetrahedron':
      return new THREE.TetrahedronGeometry(k);
    case 'octahedron':
      return new THREE.OctahedronGeometry(k);
    case 'dodecahedron':
      return new THREE.DodecahedronGeometry(k);
    case 'icosahedron':
      return new THREE.IcosahedronGeometry(k);
  }
}

const key = (x: number, y: number, z: number) => [x, y, z].map((v) => (Math.round(v * 1e5) / 1e5 || 0).toFixed(5)).join(',');

test('vertices, edges and faces match the very geometry three.js draws, and Euler’s formula holds', (t) => {
  const expected: Record<PolyhedronName, [number, number, number]> = {
    cube: [8, 12, 6],
    pyramid: [5, 8, 5],
    tetrahedron: [4, 6, 4],
    octahedron: [6, 12, 8],
    dodecahedron: [20, 30, 12],
    icosahedron: [12, 30, 20],
  };
  for (const shape of POLYHEDRA) {
    const p = polyhedron(shape, 1.7);
    const geometry = threeGeometry(shape, 1.7);
    const pos = geometry.getAttribute('position');
    // Same vertex set (the cone has a centre point on its base and a seam: only real corners count).
    const drawn = new Set<string>();
    for (let i = 0; i < pos.count; i++) drawn.add(key(pos.getX(i), pos.getY(i), pos.getZ(i)));
    for (const v of p.vertices) t.true(drawn.has(key(...v)), `${shape}: vertex ${v} is drawn`);
    // Faces: the drawn triangles grouped by plane.
    const planes = new Set<string>();
    const tri = geometry.index ? geometry.toNonIndexed() : geometry;
    const tp = tri.getAttribute('position');
    for (let i = 0; i < tp.count; i += 3) {
      const a = new THREE.Vector3().fromBufferAttribute(tp, i);
      const b = new THREE.Vector3().fromBufferAttribute(tp, i + 1);
      const c = new THREE.Vector3().fromBufferAttribute(tp, i + 2);
      const n = new THREE.Vector3().subVectors(b, a).cross(new THREE.Vector3().subVectors(c, a));
      if (n.length() < 1e-9) continue;
      n.normalize();
      planes.add(`${key(n.x, n.y, n.z)}|${(Math.round(n.dot(a) * 1e4) / 1e4).toFixed(4)}`);
    }
    t.is(planes.size, p.faces.length, `${shape}: faces`);
    // Edges: what the player's edge lines show (creases over 1°).
    const edges = new THREE.EdgesGeometry(geometry, 1).getAttribute('position').count / 2;
    t.is(edges, p.edges.length, `${shape}: edges`);
    const [V, E, F] = [p.vertices.length, p.edges.length, p.faces.length];
    t.deepEqual([V, E, F], expected[shape], shape);
    t.is(V - E + F, 2, `${shape}: Euler`);
  }
});

test('surface area and volume agree with the closed forms', (t) => {
  const s5 = Math.sqrt(5);
  const closed: Record<PolyhedronName, [number, number]> = {
    cube: [6, 1],
    tetrahedron: [Math.sqrt(3), 1 / (6 * Math.SQRT2)],
    octahedron: [2 * Math.sqrt(3), Math.SQRT2 / 3],
    dodecahedron: [3 * Math.sqrt(25 + 10 * s5), (15 + 7 * s5) / 4],
    icosahedron: [5 * Math.sqrt(3), (5 * (3 + s5)) / 12],
    pyramid: [1 + Math.sqrt(3), Math.SQRT2 / 6],
  };
  for (const shape of POLYHEDRA) {
    for (const a of [1, 2.5]) {
      const f = shapeFacts(shape, a);
      t.true(Math.abs((f.surface_area as number) - closed[shape][0] * a * a) < 1e-9, `${shape} area, edge ${a}`);
      t.true(Math.abs((f.volume as number) - closed[shape][1] * a ** 3) < 1e-9, `${shape} volume, edge ${a}`);
    }
  }
  t.true(Math.abs((shapeFacts('sphere', 2).volume as number) - (32 / 3) * Math.PI) < 1e-9);
  t.like(shapeFacts('cylinder', 1), { faces: 3, edges: 2, vertices: 0 });
  t.like(shapeFacts('cone', 1), { faces: 2, edges: 1, vertices: 1 });
  t.like(shapeFacts('sphere', 1), { faces: 1, edges: 0, vertices: 0 });
});

test('shapes in many phrasings', (t) => {
  const cases: [string, string, number?][] = [
    ['rotating dodecahedron', 'dodecahedron'],
    ['Show a cube', 'cube'],
    ['Can you animate a spinning icosahedron?', 'icosahedron'],
    ['3D model of a TORUS', 'torus'],
    ['a rotating donut shape', 'torus'],
    ['How many faces does a cylinder have?', 'cylinder'],
    ['Draw a cone in 3D with radius 2', 'cone', 2],
    ['Show a square pyramid with edge length 2 cm', 'pyramid', 2],
    ['tetrahedron wireframe', 'tetrahedron'],
    ['octahedron', 'octahedron'],
    ['a d20 die', 'icosahedron'],
    ['Show me a sphere rotating', 'sphere'],
  ];
  for (const [text, shape, size] of cases) {
    const a = analyze(text);
    t.is(a.template, 'model.shape', text);
    t.is(a.params.shape, shape, text);
    if (size !== undefined) t.is(a.params.size, size, text);
  }
  t.like(analyze('rotating dodecahedron').facts, { vertices: 20, edges: 30, faces: 12, euler_characteristic: 2 });
  t.not(analyze('a ball rolling down a 30 degree incline').template, 'model.shape');
});

test('the scene: a turning solid with edges, a marker per vertex, edge and face, labels in view', (t) => {
  const { scene } = sceneFromDescription('rotating dodecahedron', { width: 1280, height: 720, fps: 30 });
  const solid = scene.objects.find((o) => o.id === 'solid');
  t.true(solid?.type === 'mesh' && solid.shape === 'dodecahedron' && solid.edges);
  t.is(scene.objects.filter((o) => /^v\d+$/.test(o.id)).length, 20);
  t.is(scene.objects.filter((o) => /^edge\d+$/.test(o.id)).length, 30);
  t.is(scene.objects.filter((o) => /^f\d+$/.test(o.id)).length, 12);
  const turn = scene.timeline.find((e) => e.type === 'tween' && e.property === 'rotationY');
  t.true(turn?.type === 'tween' && turn.start === 0 && turn.duration === scene.duration && turn.to === 360);
  t.is(scene.camera.type, 'perspective');
  for (const o of scene.objects) if (o.type === 'text' || o.type === 'math') t.true(Math.abs(o.x) <= 7.8 && Math.abs(o.y) <= 4.3, o.id);
  for (const shape of ['sphere', 'cylinder', 'cone', 'torus', 'cube', 'pyramid']) {
    t.notThrows(() => sceneFromDescription(`rotating ${shape}`, { width: 1280, height: 720, fps: 30 }), shape);
  }
});

test('content checklist: every solid turns about an axis leaning toward the viewer (never a bare upright spin), and each step names its parts', (t) => {
  for (const d of ['Rotating dodecahedron', 'a rotating cube', 'show a torus', 'a cylinder', 'a cone']) {
    const { scene } = sceneFromDescription(d, { width: 1280, height: 720, fps: 30 });
    const group = scene.objects.find((o) => o.id === 'solid-group');
    t.true(group?.type === 'group' && group.rotationX >= 15, `${d}: the turn's axis leans ${group?.rotationX}°`);
    const spins = scene.timeline.filter((e) => e.type === 'tween' && e.target === 'solid-group');
    t.deepEqual(
      spins.map((e) => (e.type === 'tween' ? e.property : '')),
      ['rotationY'],
      d,
    );
    t.true(
      scene.narration.steps.every((s) => s.refs.length > 0),
      `${d}: every step names what it counts`,
    );
  }
});
