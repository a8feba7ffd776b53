// business.org_chart: reporting lines written many ways become one tree; conflicts are warned about.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { buildTree, treeSlots } from '../../src/templates/corporate/org-chart.ts';

const REQ = { width: 1280, height: 720, fps: 30 };
type Node = { name: string; parent: string | null };

/** The chart as "manager>report" lines, sorted, so the order of statements does not matter. */
function lines(nodes: Node[]): string[] {
  return nodes.map((n) => `${n.parent ?? '-'}>${n.name}`).sort();
}

test('reporting lines written in many ways give the same chart', (t) => {
  const expected = ['-' + '>CEO', 'CEO>CFO', 'CEO>CTO', 'CTO>Engineer 1', 'CTO>Engineer 2'].sort();
  for (const text of [
    'CEO manages CTO and CFO; CTO manages two engineers',
    'org chart: CEO > CTO, CFO; CTO > Engineer 1, Engineer 2',
    'Org chart where the CTO and CFO report to the CEO, and two engineers report to the CTO',
    'Organization chart: CEO: CTO, CFO; CTO: Engineer 1, Engineer 2',
    'Show our org chart.\nCEO -> CTO, CFO\nCTO -> 2 engineers',
    'The CEO oversees the CTO and the CFO. The CTO supervises two engineers.',
    'ceo manages cto and cfo; cto manages two engineers',
  ]) {
    const a = analyze(text);
    t.is(a.template, 'business.org_chart', text);
    t.deepEqual(lines(a.params.nodes as Node[]), expected, text);
    t.deepEqual(a.warnings, [], text);
  }
});

test('the catalogue style with short names and a chain', (t) => {
  const a = analyze('org chart: CEO > CTO, CFO; CTO > Dev1, Dev2');
  t.deepEqual(a.params.nodes, [
    { name: 'CEO', parent: null },
    { name: 'CTO', parent: 'CEO' },
    { name: 'CFO', parent: 'CEO' },
    { name: 'Dev1', parent: 'CTO' },
    { name: 'Dev2', parent: 'CTO' },
  ]);
  const chain = analyze('Reporting line: CEO > VP Sales > Sales Manager > Rep A, Rep B');
  t.deepEqual(lines(chain.params.nodes as Node[]), ['->CEO', 'CEO>VP Sales', 'Sales Manager>Rep A', 'Sales Manager>Rep B', 'VP Sales>Sales Manager']);
});

test('two managers for one person or a loop are resolved with a warning', (t) => {
  const two = analyze('org chart: CEO > CTO, CFO; CTO > Dana; CFO > Dana');
  t.is((two.params.nodes as Node[]).find((n) => n.name === 'Dana')?.parent, 'CTO');
  t.true(two.warnings.some((w) => /two managers/.test(w)));
  const loop = analyze('org chart: A > B; B > C; C > A');
  t.true(loop.warnings.some((w) => /loop/.test(w)));
  const tree = buildTree(loop.params.nodes as Node[]);
  t.deepEqual(tree.inLoop, [], 'the line that would close the loop is left out');
});

test('edited params with a loop or an unknown manager are refused with the reason', (t) => {
  t.throws(
    () =>
      analyze('', {
        template: 'business.org_chart',
        params: {
          nodes: [
            { name: 'A', parent: 'B' },
            { name: 'B', parent: 'A' },
          ],
        },
      }),
    { message: /loop/ },
  );
  t.throws(
    () =>
      analyze('', {
        template: 'business.org_chart',
        params: {
          nodes: [
            { name: 'A', parent: null },
            { name: 'B', parent: 'Z' },
          ],
        },
      }),
    { message: /no node named "Z"/ },
  );
  t.throws(
    () =>
      analyze('', {
        template: 'business.org_chart',
        params: {
          nodes: [
            { name: 'A', parent: null },
            { name: 'a', parent: 'A' },
          ],
        },
      }),
    { message: /twice/ },
  );
  const wide = [{ name: 'CEO', parent: null }, ...Array.from({ length: 10 }, (_, i) => ({ name: `Report ${i}`, parent: 'CEO' }))];
  t.throws(() => analyze('', { template: 'business.org_chart', params: { nodes: wide } }), { message: /at most 8/ });
});

test('big charts are capped at what one slide shows, keeping the top levels', (t) => {
  const reports = Array.from({ length: 20 }, (_, i) => `Rep ${i + 1}`);
  const a = analyze(`org chart: CEO > VP A, VP B; VP A > ${reports.slice(0, 10).join(', ')}; VP B > ${reports.slice(10).join(', ')}`);
  const nodes = a.params.nodes as Node[];
  t.true(nodes.length <= 15);
  t.true(nodes.some((n) => n.name === 'CEO') && nodes.some((n) => n.name === 'VP A') && nodes.some((n) => n.name === 'VP B'));
  t.true(treeSlots(buildTree(nodes)).leaves <= 8);
  t.true(a.warnings.some((w) => /were left out/.test(w)));
});

test('managers sit centred over their reports, levels top to bottom, boxes apart', (t) => {
  const { scene } = sceneFromDescription('org chart: CEO > CTO, CFO, COO; CTO > Dev Lead, QA Lead; Dev Lead > Dev1, Dev2, Dev3; CFO > Accountant', REQ);
  const nodes = (scene.meta.params as { nodes: Node[] }).nodes;
  const box = (name: string) => scene.objects.find((o) => o.id === `box-${nodes.findIndex((n) => n.name === name)}`) as { x: number; y: number; width: number; height: number };
  for (const manager of ['CEO', 'CTO', 'Dev Lead']) {
    const kids = nodes.filter((n) => n.parent === manager).map((n) => box(n.name));
    const mid = (Math.min(...kids.map((k) => k.x)) + Math.max(...kids.map((k) => k.x))) / 2;
    t.true(Math.abs(box(manager).x - mid) < 1e-9, `${manager} centred`);
    for (const k of kids) t.true(k.y < box(manager).y, `${manager} above its reports`);
  }
  const boxes = scene.objects.filter((o) => o.id.startsWith('box-')) as { x: number; y: number; width: number; height: number }[];
  for (let i = 0; i < boxes.length; i++) {
    const b = boxes[i]!;
    t.true(b.x - b.width / 2 >= -8 && b.x + b.width / 2 <= 8 && b.y - b.height / 2 >= -4.5 && b.y + b.height / 2 <= 3.1);
    for (let j = i + 1; j < boxes.length; j++) {
      const c = boxes[j]!;
      t.false(Math.abs(b.x - c.x) < (b.width + c.width) / 2 && Math.abs(b.y - c.y) < (b.height + c.height) / 2, `boxes ${i} and ${j} overlap`);
    }
  }
  t.is(scene.objects.filter((o) => o.id.startsWith('link-')).length, nodes.length - 1, 'one line per reporting line');
  t.true(scene.narration.steps.some((c) => c.text === 'CTO, CFO and COO report to CEO.'));
});
