// Turns a set of points so its longest extent lies along x, the next along y and the thinnest along z
// (towards the camera): a planar molecule such as benzene then faces the viewer. Only proper rotations
// are used, never reflections, so chirality is preserved.

export type Vec3 = [number, number, number];
type Mat3 = [Vec3, Vec3, Vec3];

/** Eigenvectors (columns as rows of the result) and eigenvalues of a symmetric 3x3 matrix, by Jacobi rotations. */
function symmetricEigen(m: Mat3): { values: Vec3; vectors: Mat3 } {
  const a = m.map((r) => [...r]) as Mat3;
  const v: Mat3 = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ];
  for (let sweep = 0; sweep < 50; sweep++) {
    const off = a[0][1] ** 2 + a[0][2] ** 2 + a[1][2] ** 2;
    if (off < 1e-20) break;
    for (const [p, q] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ] as const) {
      if (Math.abs(a[p][q]) < 1e-15) continue;
      const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1);
      const s = t * c;
      for (let k = 0; k < 3; k++) {
        const akp = a[k][p];
        const akq = a[k][q];
        a[k][p] = c * akp - s * akq;
        a[k][q] = s * akp + c * akq;
      }
      for (let k = 0; k < 3; k++) {
        const apk = a[p][k];
        const aqk = a[q][k];
        a[p][k] = c * apk - s * aqk;
        a[q][k] = s * apk + c * aqk;
      }
      for (let k = 0; k < 3; k++) {
        const vkp = v[k][p];
        const vkq = v[k][q];
        v[k][p] = c * vkp - s * vkq;
        v[k][q] = s * vkp + c * vkq;
      }
    }
  }
  const vectors: Mat3 = [0, 1, 2].map((j) => [v[0][j], v[1][j], v[2][j]] as Vec3) as Mat3;
  return { values: [a[0][0], a[1][1], a[2][2]], vectors };
}

const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/** The points centred on their centroid and expressed in their principal axes (largest spread → x). */
export function alignToPrincipalAxes(points: Vec3[]): Vec3[] {
  if (points.length === 0) return [];
  const c = [0, 1, 2].map((k) => points.reduce((s, p) => s + p[k]!, 0) / points.length) as Vec3;
  const centred = points.map((p) => [p[0] - c[0], p[1] - c[1], p[2] - c[2]] as Vec3);
  const cov: Mat3 = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  for (const p of centred) for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) cov[i][j] += p[i]! * p[j]!;
  const { values, vectors } = symmetricEigen(cov);
  const order = [0, 1, 2].sort((i, j) => values[j]! - values[i]!);
  const ex = vectors[order[0]!]!;
  const ey = vectors[order[1]!]!;
  // z from the cross product keeps the basis right-handed: a rotation, so mirror images stay mirror images.
  const ez = cross(ex, ey);
  return centred.map((p) => [dot(p, ex), dot(p, ey), dot(p, ez)] as Vec3);
}
