// model.shape: a 3D solid turning in space with its edges drawn; for polyhedra the vertices, edges and
// faces are counted one by one and checked against Euler's formula; area and volume for its size.
import { z } from 'zod';
import { namedValue, quantity } from '../../text/parse.ts';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { CYLINDER_HEIGHT, faceDescription, isPolyhedron, measure, polyhedron, ROUND, scalePerEdge, SHAPES, TORUS_TUBE, type PolyhedronName, type ShapeName, type Vec3 } from './shape-solids.ts';
import { formatNumber } from '../format/index.ts';

const params = z.object({
  shape: z.enum(SHAPES).default('cube'),
  /** Edge length for polyhedra, radius for round solids (any unit). */
  size: z.number().positive().max(1e6).default(1),
});
type ShapeParams = z.infer<typeof params>;

/** Words people use for each solid. */
const SHAPE_WORDS: [RegExp, ShapeName][] = [
  [/\b(dodecahedr(on|a|al)|d12)\b/, 'dodecahedron'],
  [/\b(icosahedr(on|a|al)|d20)\b/, 'icosahedron'],
  [/\b(octahedr(on|a|al)|d8)\b/, 'octahedron'],
  [/\b(tetrahedr(on|a|al)|triangular pyramid|d4)\b/, 'tetrahedron'],
  [/\b(square pyramid|pyramids?)\b/, 'pyramid'],
  [/\b(cubes?|cubic|hexahedr(on|a)|box|d6)\b/, 'cube'],
  [/\b(spheres?|spherical|ball|globe)\b/, 'sphere'],
  [/\b(cylinders?|cylindrical)\b/, 'cylinder'],
  [/\b(cones?|conical)\b/, 'cone'],
  [/\b(torus|tori|donut|doughnut|ring torus)\b/, 'torus'],
];

const NAMES: Record<ShapeName, string> = {
  cube: 'Cube',
  sphere: 'Sphere',
  cylinder: 'Cylinder',
  cone: 'Cone',
  torus: 'Torus',
  pyramid: 'Square pyramid',
  tetrahedron: 'Tetrahedron',
  octahedron: 'Octahedron',
  dodecahedron: 'Dodecahedron',
  icosahedron: 'Icosahedron',
};

const CENTRE_X = -2.9;
const CENTRE_Y = -0.35;
/** On-screen radius of the solid's bounding sphere. */
const DISPLAY_RADIUS = 2.5;
const FOV = 35;

function fmt(v: number): string {
  return formatNumber(v);
}

/** Facts for a solid of the given size, computed from its geometry. */
export function shapeFacts(shape: ShapeName, size: number): Record<string, unknown> {
  if (isPolyhedron(shape)) {
    const p = polyhedron(shape, scalePerEdge(shape) * size);
    const { area, volume } = measure(p);
    const [v, e, f] = [p.vertices.length, p.edges.length, p.faces.length];
    return { vertices: v, edges: e, faces: f, face_shapes: faceDescription(p), euler_characteristic: v - e + f, surface_area: area, volume };
  }
  const r = ROUND[shape];
  return { vertices: r.vertices, edges: r.edges, faces: r.faces, face_shapes: r.faceText, surface_area: r.area(size), volume: r.volume(size) };
}

export const modelShape = defineTemplate<ShapeParams>({
  id: 'model.shape',
  title: '3D shape',
  category: '3d',
  style: 'scientific',
  example: 'Rotating dodecahedron',
  params,
  vocabulary: ['cube', 'sphere', 'cylinder', 'torus', 'pyramid', 'tetrahedron', 'octahedron', 'dodecahedron', 'icosahedron', 'polyhedron', 'platonic', 'vertices', 'edges', 'faces', 'donut', 'doughnut'],
  triggers: [
    { pattern: /\b(tetrahedr|octahedr|dodecahedr|icosahedr|polyhedr|platonic solid)/, score: 0.9 },
    { pattern: /\b(cube|sphere|cylinder|cone|torus|donut|doughnut|pyramid)s?\b.*\b(3d|rotat\w*|spin\w*|turn\w*|model|solid|shape|wireframe|faces|edges|vertices|render\w*)\b/, score: 0.85 },
    { pattern: /\b(3d|rotat\w*|spin\w*|turn\w*|solid|wireframe|geometric)\b.*\b(cube|sphere|cylinder|cone|torus|donut|doughnut|pyramid)s?\b/, score: 0.85 },
    { pattern: /\b(faces|edges|vertices) (of|on) an? (cube|cylinder|cone|pyramid|sphere|torus)\b/, score: 0.9 },
    { pattern: /^(an? |the )?(cube|sphere|cylinder|cone|torus|pyramid)$/, score: 0.7 },
    { pattern: /\b(show|draw|render|display|animate|make|create|visuali[sz]e)( me)? (an?|the|one) (square )?(cube|sphere|cylinder|cone|torus|donut|doughnut|pyramid)\b/, score: 0.75 },
    { pattern: /\b(faces|edges|vertices|corners)\b.*\b(cube|sphere|cylinder|cone|torus|pyramid)s?\b/, score: 0.88 },
    // A turning donut is a torus, not a donut chart (chart.pie claims the bare word).
    { pattern: /\b(3d|rotat\w*|spin\w*|turn\w*) (donut|doughnut)s?\b(?! ?(chart|graph|diagram))/, score: 0.97 },
    { pattern: /\bd(4|6|8|12|20)\b.*\b(dice|die)\b|\b(dice|die)\b.*\bd(4|6|8|12|20)\b/, score: 0.85 },
  ],
  extract(text, warnings) {
    const out: Partial<ShapeParams> = {};
    const found = SHAPE_WORDS.map(([re, shape]) => ({ shape, at: re.exec(text.normalized)?.index ?? -1 })).filter((f) => f.at >= 0);
    if (found.length) {
      found.sort((a, b) => a.at - b.at);
      out.shape = found[0]!.shape;
      text.used.add(found[0]!.shape);
      const others = [...new Set(found.map((f) => f.shape))].filter((s) => s !== out.shape);
      if (others.length) warnings.push(`several shapes are named (${[out.shape, ...others].join(', ')}); showing the ${out.shape}`);
    } else if (/\bplatonic\b/.test(text.normalized)) {
      out.shape = 'dodecahedron';
    }
    const size = namedValue(text.original, ['edge length', 'side length', 'edge', 'side', 'radius', 'size', 'length']) ?? quantity(text.original, ['cm', 'mm', 'm', 'meters', 'metres', 'inches', 'in', 'units']);
    if (size !== undefined) {
      if (size > 0 && size <= 1e6) out.size = size;
      else warnings.push(`size ${size} ignored: it must be positive and at most 1,000,000`);
    }
    return out;
  },
  facts({ shape, size }) {
    return shapeFacts(shape, size);
  },
  compose({ shape, size }, facts) {
    return isPolyhedron(shape) ? composePolyhedron(shape, size, facts) : composeRound(shape as keyof typeof ROUND, size, facts);
  },
});

function camera(): NonNullable<Composition['camera']> {
  // 1 world unit = 1 screen unit in the z = 0 plane, so the solid sits where the 2D layout expects it.
  const distance = 4.5 / Math.tan((FOV / 2) * (Math.PI / 180));
  return { type: 'perspective', fov: FOV, x: 0, y: 0, z: Math.round(distance * 1000) / 1000, targetX: 0, targetY: 0, targetZ: 0 };
}

/** Title and a label/value table on the right; returns the y below the last row. */
function panel(title: string, rows: [string, string, string][], objects: Composition['objects']): number {
  objects.push({ id: 'title', type: 'text', text: title, x: 0, y: 3.85, size: 0.6, weight: 700, color: '$foreground' });
  let y = 2.1;
  for (const [id, label, value] of rows) {
    objects.push({ id: `${id}-label`, type: 'text', text: label, x: 1.6, y, size: 0.32, align: 'left', color: '$muted' });
    if (value.length > 14) {
      // A long value (a description of the faces) gets its own line under its label.
      y -= 0.45;
      objects.push({ id: `${id}-value`, type: 'text', text: value, x: 7.5, y, size: 0.32, align: 'right', weight: 600, color: '$foreground' });
    } else {
      objects.push({ id: `${id}-value`, type: 'text', text: value, x: 7.5, y, size: 0.36, align: 'right', weight: 600, color: '$foreground' });
    }
    y -= 0.6;
  }
  return y;
}

const r3 = (v: Vec3): Vec3 => [Math.round(v[0] * 1000) / 1000, Math.round(v[1] * 1000) / 1000, Math.round(v[2] * 1000) / 1000];

function composePolyhedron(shape: PolyhedronName, size: number, facts: Record<string, unknown>): Composition {
  // Drawn at a fixed on-screen size; the facts are for the requested edge length.
  const unit = polyhedron(shape, 1);
  const reach = Math.max(...unit.vertices.map((v) => Math.hypot(...v)));
  const k = DISPLAY_RADIUS / reach;
  const p = polyhedron(shape, k);
  const name = NAMES[shape];
  const groupId = 'solid-group';
  const objects: Composition['objects'] = [{ id: groupId, type: 'group', x: CENTRE_X, y: CENTRE_Y, rotationX: 18 }];
  const mesh: Composition['objects'][number] =
    shape === 'cube'
      ? { id: 'solid', parent: groupId, type: 'mesh', shape: 'box', width: (2 * k) / Math.sqrt(3), height: (2 * k) / Math.sqrt(3), depth: (2 * k) / Math.sqrt(3), color: '$primary', edges: true, flatShading: true, roughness: 0.45 }
      : shape === 'pyramid'
        ? { id: 'solid', parent: groupId, type: 'mesh', shape: 'pyramid', radius: k, height: k, color: '$primary', edges: true, flatShading: true, roughness: 0.45 }
        : { id: 'solid', parent: groupId, type: 'mesh', shape, radius: k, color: '$primary', edges: true, flatShading: true, roughness: 0.45 };
  objects.push(mesh);
  p.vertices.forEach((v, i) => {
    const [x, y, z] = r3(v);
    objects.push({ id: `v${i}`, parent: groupId, type: 'mesh', shape: 'sphere', x, y, z, radius: 0.1, color: '$highlight' });
  });
  p.edges.forEach(([a, b], i) => {
    objects.push({ id: `edge${i}`, parent: groupId, type: 'mesh', shape: 'cylinder', radius: 0.04, height: 1, from: r3(p.vertices[a]!), to: r3(p.vertices[b]!), color: '$accent' });
  });
  p.faces.forEach((f, i) => {
    const c = f.vertices.reduce((acc, id) => [acc[0] + p.vertices[id]![0] / f.vertices.length, acc[1] + p.vertices[id]![1] / f.vertices.length, acc[2] + p.vertices[id]![2] / f.vertices.length] as Vec3, [0, 0, 0] as Vec3);
    const [x, y, z] = r3([c[0] + f.normal[0] * 0.06, c[1] + f.normal[1] * 0.06, c[2] + f.normal[2] * 0.06]);
    objects.push({ id: `f${i}`, parent: groupId, type: 'mesh', shape: 'sphere', x, y, z, radius: 0.14, color: '$secondary' });
  });
  const [V, E, F] = [p.vertices.length, p.edges.length, p.faces.length];
  const below = panel(
    name,
    [
      ['vertices', 'Vertices', '0'],
      ['edges', 'Edges', '0'],
      ['faces', 'Faces', '0'],
      ['shapes', 'Faces are', String(facts.face_shapes)],
      ['area', `Surface area (edge ${fmt(size)})`, fmt(facts.surface_area as number)],
      ['volume', `Volume (edge ${fmt(size)})`, fmt(facts.volume as number)],
    ],
    objects,
  );
  objects.push({ id: 'euler', type: 'math', latex: `V - E + F = ${V} - ${E} + ${F} = ${V - E + F}`, x: 4.55, y: below - 0.75, size: 0.38, color: '$accent' });
  objects.push({ id: 'euler-label', type: 'text', text: "Euler's formula", x: 4.55, y: below - 0.2, size: 0.3, color: '$muted' });

  const tl = new TimelineBuilder();
  const platonic = shape !== 'pyramid' ? `, a Platonic solid: every face the same regular polygon` : ', a square base with four triangular sides';
  tl.narrate(`A ${name.toLowerCase()}${platonic}.`, 2.5, ['solid']);
  tl.appear('title', 0.6).appear('solid', 0.8, 'grow');
  tl.wait(1.4);

  const count = (ids: string[], counter: string, total: number, seconds: number) => {
    const step = Math.min(0.2, seconds / total);
    tl.appear(`${counter}-label`, 0.3).appear(`${counter}-value`, 0.3);
    ids.forEach((id, i) => {
      tl.appear(id, 0.3, 'grow', tl.t + i * step);
      tl.setText(`${counter}-value`, String(i + 1), tl.t + i * step);
    });
    tl.wait(ids.length * step + 0.5);
    tl.add({ type: 'highlight', target: `${counter}-value`, at: tl.t - 0.5, duration: 0.8, color: '$accent' });
  };
  tl.narrate(`Count the corners: ${V} vertices.`, 2.5, ['vertices-value', ...p.vertices.map((_, i) => `v${i}`)]);
  count(
    p.vertices.map((_, i) => `v${i}`),
    'vertices',
    V,
    2.2,
  );
  tl.narrate(`Count the edges where two faces meet: ${E}.`, 2.5, ['edges-value', ...p.edges.map((_, i) => `edge${i}`)]);
  count(
    p.edges.map((_, i) => `edge${i}`),
    'edges',
    E,
    2.4,
  );
  tl.narrate(`Count the faces: ${F} (${facts.face_shapes as string}).`, 2.5, ['faces-value', ...p.faces.map((_, i) => `f${i}`)]);
  count(
    p.faces.map((_, i) => `f${i}`),
    'faces',
    F,
    2,
  );
  tl.appear('shapes-label', 0.4).appear('shapes-value', 0.4);
  tl.wait(0.6);
  tl.narrate(`Euler's formula holds, as for every convex polyhedron: V − E + F = ${V} − ${E} + ${F} = ${V - E + F}.`, 3, ['euler']);
  tl.appear('euler-label', 0.5).appear('euler', 0.6, 'grow');
  tl.wait(2.6);
  tl.narrate(`With edge length ${fmt(size)}: surface area ${fmt(facts.surface_area as number)}, volume ${fmt(facts.volume as number)}.`, 3, ['area-value', 'volume-value']);
  for (const id of ['area-label', 'area-value', 'volume-label', 'volume-value']) tl.appear(id, 0.5);
  tl.wait(3);
  return finish(tl, objects, groupId, name);
}

function composeRound(shape: keyof typeof ROUND, size: number, facts: Record<string, unknown>): Composition {
  const info = ROUND[shape];
  const name = NAMES[shape];
  const groupId = 'solid-group';
  // Bounding radius per unit radius: cylinder and cone reach √(1 + 1) with height 2; the torus 1.35.
  const reach = shape === 'sphere' ? 1 : shape === 'torus' ? 1 + TORUS_TUBE : Math.hypot(1, CYLINDER_HEIGHT / 2);
  const r = DISPLAY_RADIUS / reach;
  const h = CYLINDER_HEIGHT * r;
  const objects: Composition['objects'] = [{ id: groupId, type: 'group', x: CENTRE_X, y: CENTRE_Y, rotationX: shape === 'torus' ? 60 : 18 }];
  objects.push({ id: 'solid', parent: groupId, type: 'mesh', shape, radius: r, height: h, color: '$primary', roughness: 0.35, metalness: 0.15 });
  // The true edges of the round solids are circles: drawn as rings of short sticks.
  const edgeIds: string[] = [];
  const circle = (y: number, tag: string) => {
    const n = 48;
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * i) / n;
      const b = (2 * Math.PI * (i + 1)) / n;
      const id = `${tag}${i}`;
      objects.push({ id, parent: groupId, type: 'mesh', shape: 'cylinder', radius: 0.035, height: 1, from: r3([r * Math.sin(a), y, r * Math.cos(a)]), to: r3([r * Math.sin(b), y, r * Math.cos(b)]), color: '$accent' });
    }
    edgeIds.push(tag);
  };
  if (shape === 'cylinder') {
    circle(h / 2, 'top');
    circle(-h / 2, 'bottom');
  } else if (shape === 'cone') {
    circle(-h / 2, 'base');
    objects.push({ id: 'apex', parent: groupId, type: 'mesh', shape: 'sphere', x: 0, y: h / 2, z: 0, radius: 0.12, color: '$highlight' });
  }
  const below = panel(
    name,
    [
      ['faces', 'Faces', String(info.faces)],
      ['edges', 'Edges', String(info.edges)],
      ['vertices', 'Vertices', String(info.vertices)],
      ['shapes', 'Surfaces', info.faceText],
      ['area', `Surface area (r = ${fmt(size)})`, fmt(facts.surface_area as number)],
      ['volume', `Volume (r = ${fmt(size)})`, fmt(facts.volume as number)],
    ],
    objects,
  );
  const dimsText = shape === 'torus' ? `R = ${fmt(size)}, r = ${fmt(TORUS_TUBE * size)}` : shape === 'sphere' ? `r = ${fmt(size)}` : `r = ${fmt(size)}, h = ${fmt(CYLINDER_HEIGHT * size)}`;
  const dims = dimsText.replace(', ', ',\\ ');
  objects.push({ id: 'formula-area', type: 'math', latex: info.areaLatex, x: 4.55, y: below - 0.2, size: 0.4, color: '$foreground' });
  objects.push({ id: 'formula-volume', type: 'math', latex: info.volumeLatex, x: 4.55, y: below - 0.85, size: 0.4, color: '$foreground' });
  objects.push({ id: 'dims', type: 'math', latex: dims, x: 4.55, y: below - 1.45, size: 0.34, color: '$muted' });

  const tl = new TimelineBuilder();
  tl.narrate(`A ${name.toLowerCase()}: ${info.faceText}.`, 2.5, ['solid']);
  tl.appear('title', 0.6).appear('solid', 0.8, 'grow');
  tl.wait(1.4);
  for (const id of ['faces', 'shapes']) tl.appear(`${id}-label`, 0.4).appear(`${id}-value`, 0.4);
  tl.wait(1.5);
  if (info.edges > 0) {
    tl.narrate(
      `Its edges are curved: ${info.edges} circle${info.edges === 1 ? '' : 's'} where the flat and curved surfaces meet${info.vertices ? ', and the apex is its 1 vertex' : ''}.`,
      3,
      objects.filter((o) => edgeIds.some((tag) => o.id.startsWith(tag) && /^\d+$/.test(o.id.slice(tag.length)))).map((o) => o.id),
    );
    for (const tag of edgeIds) for (let i = 0; i < 48; i++) tl.appear(`${tag}${i}`, 0.2, 'fade', tl.t + i * 0.025);
    if (shape === 'cone') tl.appear('apex', 0.4, 'grow', tl.t + 1.2);
  } else {
    tl.narrate('One smooth surface: no edges and no vertices.', 3, ['solid']);
  }
  for (const id of ['edges', 'vertices']) tl.appear(`${id}-label`, 0.4).appear(`${id}-value`, 0.4);
  tl.wait(3);
  tl.narrate(`Surface area ${fmt(facts.surface_area as number)} and volume ${fmt(facts.volume as number)} for ${dimsText}.`, 3.5, ['area-value', 'volume-value']);
  for (const id of ['area-label', 'area-value', 'volume-label', 'volume-value', 'formula-area', 'formula-volume', 'dims']) tl.appear(id, 0.5);
  tl.wait(3.5);
  return finish(tl, objects, groupId, name);
}

function finish(tl: TimelineBuilder, objects: Composition['objects'], groupId: string, name: string): Composition {
  // The last caption is held until read (pacing.ts) before the length the motion spans is fixed.
  const duration = tl.hold().t;
  // One full turn over the whole animation, so every face comes round to the front.
  tl.add({ type: 'tween', target: groupId, property: 'rotationY', from: 0, to: 360, start: 0, duration, easing: 'linear' });
  tl.finish(duration);
  return { objects, timeline: tl.entries, narration: tl.steps, duration, camera: camera(), title: name };
}
