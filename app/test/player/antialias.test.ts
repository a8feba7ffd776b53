// The anti-aliasing fringe must give each shape the coverage a one-pixel box filter would: the alpha
// integrated over the triangles equals the shape's true area, and edges fade to exactly 0.
import test from 'ava';
import { alphaGeometry, circleOutline, coverage, fillTriangles, rectOutline, strokeTriangles, type AlphaTriangles } from '../../src/player/antialias.ts';
import type { Point } from '../../src/scene/geometry.ts';

function extent({ positions }: AlphaTriangles): { x0: number; x1: number; y0: number; y1: number } {
  const xs = positions.filter((_, i) => i % 2 === 0);
  const ys = positions.filter((_, i) => i % 2 === 1);
  return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
}

const AA = 0.01;

test('a filled rectangle covers its own area, with the fringe centred on its edge', (t) => {
  const tri = fillTriangles(rectOutline(2, 1), AA);
  t.true(Math.abs(coverage(tri) - 2) < AA * AA * 2, `coverage ${coverage(tri)}`);
  const e = extent(tri);
  t.true(Math.abs(e.x1 - (1 + AA / 2)) < 1e-9 && Math.abs(e.y0 - (-0.5 - AA / 2)) < 1e-9);
  t.true(tri.alphas.every((a) => a === 0 || a === 1));
});

test('the orientation of an outline does not matter', (t) => {
  const ccw = fillTriangles(circleOutline(1), AA);
  const cw = fillTriangles([...circleOutline(1)].reverse(), AA);
  t.true(Math.abs(coverage(ccw) - coverage(cw)) < 1e-9);
  const polygonArea = 0.5 * 96 * Math.sin((2 * Math.PI) / 96);
  t.true(Math.abs(coverage(ccw) - polygonArea) < 1e-3, `coverage ${coverage(ccw)} vs ${polygonArea}`);
});

test('a shape thinner than the fringe (a bar growing from nothing) still draws, without folding over', (t) => {
  const tri = fillTriangles(rectOutline(1, AA / 10), AA);
  t.true(tri.positions.every(Number.isFinite));
  t.true(Math.abs(coverage(tri) - AA / 10) < 1e-9, 'faded to the coverage it has');
});

test('a straight stroke covers length × width; a hairline fades instead of thinning', (t) => {
  const line: Point[] = [
    [0, 0],
    [3, 0],
  ];
  // The open ends add half a pixel of fade each: at most width × aa / 2 per end.
  const thick = strokeTriangles(line, 0.05, AA);
  t.true(Math.abs(coverage(thick) - 3 * 0.05) <= 0.05 * AA, `thick ${coverage(thick)}`);
  const hair = strokeTriangles(line, AA / 4, AA);
  t.true(Math.abs(coverage(hair) - 3 * (AA / 4)) <= AA * AA, `hair ${coverage(hair)}`);
  t.true(Math.max(...hair.alphas) < 1);
  const e = extent(hair);
  t.true(Math.abs(e.y1 - (AA / 8 + AA / 2)) < 1e-9, 'a hairline spreads over its own width plus a pixel');
});

test('a closed stroke has no end fringes and wraps around', (t) => {
  const square: Point[] = [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
  ];
  const tri = strokeTriangles(square, 0.1, AA, true);
  // Mitred corners: a band of width 0.1 centred on the unit square's outline covers 1.1² − 0.9².
  t.true(Math.abs(coverage(tri) - (1.1 * 1.1 - 0.9 * 0.9)) < 1e-3, `coverage ${coverage(tri)}`);
});

test('every geometry has vertex colours, even an empty one (a material reading absent colours draws black)', (t) => {
  const empty = alphaGeometry({ positions: [], alphas: [] });
  t.truthy(empty.getAttribute('color'));
  const g = alphaGeometry(fillTriangles(rectOutline(1, 1), AA));
  t.is(g.getAttribute('color').itemSize, 4);
  t.is(g.getAttribute('position').count, g.getAttribute('color').count);
});
