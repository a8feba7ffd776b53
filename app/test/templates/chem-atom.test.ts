import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { configurationText, electronConfiguration, shellCounts } from '../../src/templates/science/chemistry/electron-shells.ts';
import { ELEMENTS } from '../../src/templates/science/chemistry/elements.ts';

test('Z ≤ 20 fills shells 2, 8, 8, 2 exactly as the school Bohr model does', (t) => {
  // Independent rule: fill 2, then 8, then 8, then the rest.
  const bohr = (z: number) => {
    const out: number[] = [];
    for (const cap of [2, 8, 8, 2]) {
      if (z <= 0) break;
      out.push(Math.min(cap, z));
      z -= cap;
    }
    return out;
  };
  for (let z = 1; z <= 20; z++) t.deepEqual(shellCounts(z), bohr(z), `Z = ${z}`);
  t.deepEqual(shellCounts(11), [2, 8, 1]);
  t.deepEqual(shellCounts(19), [2, 8, 8, 1]);
});

test('beyond Z = 20: aufbau filling with the measured exceptions', (t) => {
  const expected: Record<number, number[]> = {
    26: [2, 8, 14, 2], // Fe
    24: [2, 8, 13, 1], // Cr (3d5 4s1)
    29: [2, 8, 18, 1], // Cu (3d10 4s1)
    35: [2, 8, 18, 7], // Br
    46: [2, 8, 18, 18], // Pd (4d10 5s0)
    47: [2, 8, 18, 18, 1], // Ag
    54: [2, 8, 18, 18, 8], // Xe
    57: [2, 8, 18, 18, 9, 2], // La
    64: [2, 8, 18, 25, 9, 2], // Gd
    79: [2, 8, 18, 32, 18, 1], // Au
    80: [2, 8, 18, 32, 18, 2], // Hg
    92: [2, 8, 18, 32, 21, 9, 2], // U
    103: [2, 8, 18, 32, 32, 8, 3], // Lr (7p1)
    118: [2, 8, 18, 32, 32, 18, 8], // Og
  };
  for (const [z, shells] of Object.entries(expected)) t.deepEqual(shellCounts(Number(z)), shells, `Z = ${z}`);
  t.is(configurationText(26), '1s2 2s2 2p6 3s2 3p6 4s2 3d6');
  t.is(configurationText(29), '1s2 2s2 2p6 3s2 3p6 4s1 3d10');
});

test('every element’s configuration holds Z electrons and never overfills a subshell', (t) => {
  for (const e of ELEMENTS) {
    const config = electronConfiguration(e.z);
    t.is(
      config.reduce((n, s) => n + s.electrons, 0),
      e.z,
      e.symbol,
    );
    for (const s of config) t.true(s.electrons <= 2 * (2 * s.l + 1), `${e.symbol} ${s.n}${s.l}`);
    const shells = shellCounts(e.z);
    shells.forEach((n, i) => t.true(n <= 2 * (i + 1) ** 2, `${e.symbol} shell ${i + 1}`));
  }
});

test('elements by symbol, name, alternative spelling or atomic number, in many phrasings', (t) => {
  const cases: [string, string][] = [
    ['Bohr model of sodium', 'Na'],
    ['bohr model of Na', 'Na'],
    ['Show me the electron shells of IRON', 'Fe'],
    ['What does a helium atom look like?', 'He'],
    ['Draw an atom of carbon', 'C'],
    ['Bohr diagram for element 29', 'Cu'],
    ['electron configuration of Au', 'Au'],
    ['structure of an aluminum atom', 'Al'],
    ['Bohr model of sulphur', 'S'],
    ['How many protons and neutrons does uranium have', 'U'],
    ['Explain the Bohr model of oganesson', 'Og'],
    ['bohr modle of potassium', 'K'],
  ];
  for (const [text, symbol] of cases) {
    const a = analyze(text);
    t.is(a.template, 'chemistry.atom', text);
    t.is(a.params.element, symbol, text);
  }
});

test('facts: protons, neutrons, electrons, shells and configuration', (t) => {
  t.like(analyze('Bohr model of sodium').facts, { protons: 11, neutrons: 12, electrons: 11, shells: [2, 8, 1], valence_electrons: 1, configuration: '1s2 2s2 2p6 3s1' });
  t.like(analyze('Bohr model of chlorine').facts, { protons: 17, neutrons: 18, shells: [2, 8, 7] });
  t.like(analyze('Bohr model of hydrogen').facts, { protons: 1, neutrons: 0, shells: [1] });
  t.like(analyze('Bohr model of technetium').facts, { protons: 43, neutrons: 55 });
});

test('an unknown element is a warning and sodium is shown; an invalid param is refused', (t) => {
  const a = analyze('Bohr model of unobtainium');
  t.is(a.params.element, 'Na');
  t.true(a.warnings.some((w) => w.includes('unobtainium')));
  t.throws(() => analyze('x', { template: 'chemistry.atom', params: { element: 'Xy' } }), { message: /unknown element/ });
});

test('the scene: nucleus, one ring and one electron per electron, turning shells, text in view', (t) => {
  const { scene } = sceneFromDescription('Bohr model of sodium', { width: 1280, height: 720, fps: 30 });
  t.is(scene.objects.filter((o) => o.id.startsWith('ring') && !o.id.startsWith('ring-label')).length, 3);
  t.is(scene.objects.filter((o) => /^e\d+_\d+$/.test(o.id)).length, 11);
  t.is(scene.objects.filter((o) => o.id.startsWith('nucleon')).length, 23);
  const turns = scene.timeline.filter((e) => e.type === 'tween' && e.property === 'rotation');
  t.is(turns.length, 3);
  for (const o of scene.objects) if (o.type === 'text' || o.type === 'circle') t.true(Math.abs(o.x) <= 7.8 && Math.abs(o.y) <= 4.3, o.id);
  t.true(scene.narration.steps.some((c) => c.text.includes('Shell 3 (M) takes 1 electron')));
  const gold = sceneFromDescription('Bohr model of gold', { width: 1280, height: 720, fps: 30 }).scene;
  t.is(gold.objects.filter((o) => /^e\d+_\d+$/.test(o.id)).length, 79);
});
