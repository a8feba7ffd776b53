// The solids model.shape draws, as the player's three.js geometries build them (same vertices, same
// orientation), and their vertices, edges, faces, area and volume. For polyhedra these are computed
// from the vertex coordinates alone: faces are the planes through three or more vertices with every
// other vertex on one side (the convex hull), edges are vertex pairs shared by two faces.

export const POLYHEDRA = ['cube', 'pyramid', 'tetrahedron', 'octahedron', 'dodecahedron', 'icosahedron'] as const;
export const ROUND_SOLIDS = ['sphere', 'cylinder', 'cone', 'torus'] as const;
export const SHAPES = ['cube', 'sphere', 'cylinder', 'cone', 'torus', 'pyramid', 'tetrahedron', 'octahedron', 'dodecahedron', 'icosahedron'] as const;
export type ShapeName = (typeof SHAPES)[number];
export type PolyhedronName = (typeof POLYHEDRA)[number];

export type Vec3 = [number, number, number];

const PHI = (1 + Math.sqrt(5)) / 2;

const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const len = (a: Vec3) => Math.hypot(a[0], a[1], a[2]);
const scale = (a: Vec3, k: number): Vec3 => [a[0] * k, a[1] * k, a[2] * k];

/**
 * Vertex sets in three.js's own order and orientation (PolyhedronGeometry, BoxGeometry, ConeGeometry):
 * circumradius 1 for the Platonic solids; base radius and height 1 for the pyramid.
 */
function unitVertices(shape: PolyhedronName): Vec3[] {
  const normalise = (vs: Vec3[]) => vs.map((v) => scale(v, 1 / len(v)));
  switch (shape) {
    case 'tetrahedron':
      return normalise([
        [1, 1, 1],
        [-1, -1, 1],
        [-1, 1, -1],
        [1, -1, -1],
      ]);
    case 'octahedron':
      return [
        [1, 0, 0],
        [-1, 0, 0],
        [0, 1, 0],
        [0, -1, 0],
        [0, 0, 1],
        [0, 0, -1],
      ];
    case 'icosahedron':
      return normalise([
        [-1, PHI, 0],
        [1, PHI, 0],
        [-1, -PHI, 0],
        [1, -PHI, 0],
        [0, -1, PHI],
        [0, 1, PHI],
        [0, -1, -PHI],
        [0, 1, -PHI],
        [PHI, 0, -1],
        [PHI, 0, 1],
        [-PHI, 0, -1],
        [-PHI, 0, 1],
      ]);
    case 'dodecahedron': {
      const r = 1 / PHI;
      const cube: Vec3[] = [];
      for (const x of [-1, 1]) for (const y of [-1, 1]) for (const z of [-1, 1]) cube.push([x, y, z]);
      return normalise([...cube, [0, -r, -PHI], [0, -r, PHI], [0, r, -PHI], [0, r, PHI], [-r, -PHI, 0], [-r, PHI, 0], [r, -PHI, 0], [r, PHI, 0], [-PHI, 0, -r], [PHI, 0, -r], [-PHI, 0, r], [PHI, 0, r]]);
    }
    case 'cube': {
      const h = 1 / Math.sqrt(3);
      const out: Vec3[] = [];
      for (const x of [-h, h]) for (const y of [-h, h]) for (const z of [-h, h]) out.push([x, y, z]);
      return out;
    }
    case 'pyramid': {
      // three.js ConeGeometry(r, h, 4): base corners at angles 0, 90, 180, 270° from +z, apex on +y.
      // With h = r all eight edges are equal (r√2): the regular square pyramid, Johnson solid J1.
      const r = 1;
      const h = r;
      return [
        [0, h / 2, 0],
        [0, -h / 2, r],
        [r, -h / 2, 0],
        [0, -h / 2, -r],
        [-r, -h / 2, 0],
      ];
    }
  }
}

export interface Face {
  /** Vertex indices in order round the face. */
  vertices: number[];
  normal: Vec3;
}

export interface Polyhedron {
  vertices: Vec3[];
  faces: Face[];
  edges: [number, number][];
}

/** Faces of the convex hull of the points, found from the points alone. */
export function hullFaces(points: Vec3[]): Face[] {
  const eps = 1e-9 * Math.max(1, ...points.map(len));
  const faces: Face[] = [];
  const seen = new Set<string>();
  const n = points.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      for (let k = j + 1; k < n; k++) {
        let normal = cross(sub(points[j]!, points[i]!), sub(points[k]!, points[i]!));
        if (len(normal) < eps) continue;
        normal = scale(normal, 1 / len(normal));
        const d = dot(normal, points[i]!);
        const sides = points.map((p) => dot(normal, p) - d);
        if (sides.every((s) => s <= eps)) {
          // outward already
        } else if (sides.every((s) => s >= -eps)) {
          normal = scale(normal, -1);
        } else continue;
        const on = sides.map((s, idx) => (Math.abs(s) <= eps ? idx : -1)).filter((idx) => idx >= 0);
        const key = on.join(',');
        if (seen.has(key)) continue;
        seen.add(key);
        faces.push({ vertices: orderRound(on, points, normal), normal });
      }
    }
  }
  return faces;
}

/** Sorts a face's vertices by angle round its centre (counter-clockwise seen from outside). */
function orderRound(ids: number[], points: Vec3[], normal: Vec3): number[] {
  const c = scale(
    ids.reduce((acc, id) => [acc[0] + points[id]![0], acc[1] + points[id]![1], acc[2] + points[id]![2]] as Vec3, [0, 0, 0]),
    1 / ids.length,
  );
  const u = sub(points[ids[0]!]!, c);
  const w = cross(normal, u);
  return [...ids].sort((a, b) => {
    const pa = sub(points[a]!, c);
    const pb = sub(points[b]!, c);
    return Math.atan2(dot(pa, w), dot(pa, u)) - Math.atan2(dot(pb, w), dot(pb, u));
  });
}

/** The solid's vertices scaled by `k` from unitVertices, with its faces and edges. */
export function polyhedron(shape: PolyhedronName, k = 1): Polyhedron {
  const vertices = unitVertices(shape).map((v) => scale(v, k));
  const faces = hullFaces(vertices);
  const edges = new Map<string, [number, number]>();
  for (const f of faces) {
    f.vertices.forEach((a, i) => {
      const b = f.vertices[(i + 1) % f.vertices.length]!;
      edges.set(`${Math.min(a, b)}-${Math.max(a, b)}`, [Math.min(a, b), Math.max(a, b)]);
    });
  }
  return { vertices, faces, edges: [...edges.values()] };
}

function faceArea(p: Polyhedron, f: Face): number {
  let acc: Vec3 = [0, 0, 0];
  f.vertices.forEach((a, i) => {
    const c = cross(p.vertices[a]!, p.vertices[f.vertices[(i + 1) % f.vertices.length]!]!);
    acc = [acc[0] + c[0], acc[1] + c[1], acc[2] + c[2]];
  });
  return Math.abs(dot(acc, f.normal)) / 2;
}

/** Surface area and volume (pyramids from the centre to every face). */
export function measure(p: Polyhedron): { area: number; volume: number; edgeLength: number } {
  let area = 0;
  let volume = 0;
  const centre = scale(
    p.vertices.reduce((acc, v) => [acc[0] + v[0], acc[1] + v[1], acc[2] + v[2]] as Vec3, [0, 0, 0]),
    1 / p.vertices.length,
  );
  for (const f of p.faces) {
    const a = faceArea(p, f);
    area += a;
    volume += (a * Math.abs(dot(f.normal, sub(p.vertices[f.vertices[0]!]!, centre)))) / 3;
  }
  const [i, j] = p.edges[0]!;
  return { area, volume, edgeLength: len(sub(p.vertices[i]!, p.vertices[j]!)) };
}

/** The scale k (see polyhedron) that gives edge length 1 (all edges of these solids are equal). */
export function scalePerEdge(shape: PolyhedronName): number {
  return 1 / measure(polyhedron(shape, 1)).edgeLength;
}

const POLYGON_NAMES: Record<number, [string, string]> = { 3: ['triangle', 'triangles'], 4: ['square', 'squares'], 5: ['pentagon', 'pentagons'] };

/** "12 pentagons", "1 square, 4 triangles" */
export function faceDescription(p: Polyhedron): string {
  const counts = new Map<number, number>();
  for (const f of p.faces) counts.set(f.vertices.length, (counts.get(f.vertices.length) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[0] - a[0])
    .map(([sides, n]) => `${n} ${POLYGON_NAMES[sides]?.[n === 1 ? 0 : 1] ?? `${sides}-gons`}`)
    .join(', ');
}

export interface RoundSolid {
  /** The usual school counts: curved and flat surfaces, circular edges, apex points. */
  faces: number;
  edges: number;
  vertices: number;
  faceText: string;
  area: (r: number) => number;
  volume: (r: number) => number;
  areaLatex: string;
  volumeLatex: string;
}

/** Round solids as drawn, per unit radius: cylinder and cone of height 2r; a torus tube of 0.35 r (the player's proportion). */
export const CYLINDER_HEIGHT = 2;
export const TORUS_TUBE = 0.35;

export const ROUND: Record<(typeof ROUND_SOLIDS)[number], RoundSolid> = {
  sphere: { faces: 1, edges: 0, vertices: 0, faceText: '1 curved surface', area: (r) => 4 * Math.PI * r * r, volume: (r) => (4 / 3) * Math.PI * r ** 3, areaLatex: 'A = 4\\pi r^2', volumeLatex: 'V = \\tfrac{4}{3}\\pi r^3' },
  cylinder: {
    faces: 3,
    edges: 2,
    vertices: 0,
    faceText: '2 flat circles, 1 curved side',
    area: (r) => 2 * Math.PI * r * (r + CYLINDER_HEIGHT * r),
    volume: (r) => Math.PI * r * r * CYLINDER_HEIGHT * r,
    areaLatex: 'A = 2\\pi r(r + h)',
    volumeLatex: 'V = \\pi r^2 h',
  },
  cone: {
    faces: 2,
    edges: 1,
    vertices: 1,
    faceText: '1 flat circle, 1 curved side',
    area: (r) => Math.PI * r * (r + Math.hypot(r, CYLINDER_HEIGHT * r)),
    volume: (r) => (Math.PI * r * r * CYLINDER_HEIGHT * r) / 3,
    areaLatex: 'A = \\pi r\\,(r + \\sqrt{r^2 + h^2})',
    volumeLatex: 'V = \\tfrac{1}{3}\\pi r^2 h',
  },
  torus: {
    faces: 1,
    edges: 0,
    vertices: 0,
    faceText: '1 curved surface with a hole',
    area: (r) => 4 * Math.PI ** 2 * r * (TORUS_TUBE * r),
    volume: (r) => 2 * Math.PI ** 2 * r * (TORUS_TUBE * r) ** 2,
    areaLatex: 'A = 4\\pi^2 R\\,r',
    volumeLatex: 'V = 2\\pi^2 R\\,r^2',
  },
};

export function isPolyhedron(shape: ShapeName): shape is PolyhedronName {
  return (POLYHEDRA as readonly string[]).includes(shape);
}
