// business.process_flow: steps found in many phrasings, counted, capped, and laid out as a readable flow.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { flowLayout } from '../../src/templates/corporate/process-flow.ts';

const REQ = { width: 1280, height: 720, fps: 30 };

test('phrasings people use all find the process and its steps', (t) => {
  const steps = ['detect', 'triage', 'contain', 'recover'];
  for (const text of [
    'Our incident response process: detect, triage, contain, recover',
    'Walk me through our incident response process: detect -> triage -> contain -> recover',
    'How does our incident response process work? 1. Detect 2. Triage 3. Contain 4. Recover',
    'Can you animate the incident response workflow: detect; triage; contain; recover',
    'incident response process flow: detect then triage then contain then recover',
    'Show the incident response process: detect, triage, contain and finally recover.',
    'INCIDENT RESPONSE PROCES: DETECT, TRIAGE, CONTAIN, RECOVER',
    'Incident response flowchart: detect → triage → contain → recover',
  ]) {
    const a = analyze(text);
    t.is(a.template, 'business.process_flow', text);
    t.deepEqual(
      (a.params.steps as string[]).map((s) => s.toLowerCase()),
      steps,
      text,
    );
    t.is(a.facts.step_count, steps.length, text);
    t.regex(a.params.title as string, /incident response/i, text);
  }
});

test('the catalogue example keeps every step, including two-word ones', (t) => {
  const a = analyze('Employee onboarding process: application, interview, offer, first day');
  t.deepEqual(a.params, { title: 'Employee onboarding process', steps: ['application', 'interview', 'offer', 'first day'] });
  t.deepEqual(a.facts, { step_count: 4 });
  t.deepEqual(a.warnings, []);
});

test('step_count counts the steps it is given, whatever they are', (t) => {
  for (let n = 2; n <= 10; n++) {
    const steps = Array.from({ length: n }, (_, i) => `stage ${String.fromCharCode(65 + i)}`);
    const a = analyze(`Release process: ${steps.join(', ')}`);
    t.is(a.facts.step_count, n);
    t.deepEqual(a.params.steps, steps);
  }
});

test('too many steps are capped with a warning that says how many and why', (t) => {
  const steps = Array.from({ length: 14 }, (_, i) => `step${String.fromCharCode(97 + i)}`);
  const a = analyze(`Approval process: ${steps.join(', ')}`);
  t.is((a.params.steps as string[]).length, 10);
  t.is(a.facts.step_count, 10);
  t.true(
    a.warnings.some((w) => w.includes('14 steps given') && w.includes('first 10') && /readable/.test(w)),
    a.warnings.join('; '),
  );
});

test('very long step names are shortened with an ellipsis and a warning', (t) => {
  const long = 'collect every signed document from the candidate including tax forms';
  const a = analyze(`Onboarding process: ${long}, interview, offer`);
  const first = (a.params.steps as string[])[0]!;
  t.true(first.length <= 40);
  t.true(first.endsWith('…'));
  t.true(a.warnings.some((w) => /longer than 40 characters/.test(w)));
});

test('asking for a flow chart without steps asks for them instead of showing Plan/Build/Test/Release; a bare mention is not understood', (t) => {
  const a = analyze('Make a process flow diagram of our procurement');
  t.is(a.template, 'business.process_flow');
  t.false(a.understood);
  t.deepEqual(a.needs?.data, ['steps']);
  t.is(a.params.steps, undefined);
  t.false(analyze('Explain our procurement process').understood);
});

test('up to five steps sit in one row; more wrap onto two rows without overlapping', (t) => {
  for (let n = 2; n <= 10; n++) {
    const { slots, boxW, boxH } = flowLayout(n);
    t.is(new Set(slots.map((s) => s.row)).size, n <= 5 ? 1 : 2, `n=${n}`);
    for (let i = 0; i < n; i++) {
      const s = slots[i]!;
      t.true(s.x - boxW / 2 >= -7.6 && s.x + boxW / 2 <= 7.6, `box ${i} of ${n} inside the view`);
      for (let j = i + 1; j < n; j++) {
        const o = slots[j]!;
        t.false(Math.abs(s.x - o.x) < boxW + 0.3 && Math.abs(s.y - o.y) < boxH + 0.3, `boxes ${i} and ${j} of ${n} apart`);
      }
    }
    // Reading order stays left to right within each row.
    for (let i = 1; i < n; i++) if (slots[i]!.row === slots[i - 1]!.row) t.true(slots[i]!.x > slots[i - 1]!.x);
  }
});

test('the scene reveals boxes in order, joins them with n − 1 arrows and captions each step', (t) => {
  const { scene } = sceneFromDescription('Incident response process: detect, triage, contain, recover, review, improve', REQ);
  const boxes = scene.objects.filter((o) => o.id.startsWith('box-'));
  const arrows = scene.objects.filter((o) => o.id.startsWith('arrow-'));
  t.is(boxes.length, 6);
  t.is(arrows.length, 5);
  t.true(arrows.every((a) => a.type === 'line' && a.arrow === 'end'));
  const appearAt = (id: string) => scene.timeline.find((e) => e.type === 'appear' && e.target === id) as { at: number };
  for (let i = 1; i < 6; i++) t.true(appearAt(`box-${i}`).at > appearAt(`box-${i - 1}`).at);
  for (let i = 1; i <= 6; i++) t.true(scene.narration.steps.some((c) => c.text.startsWith(`Step ${i} of 6:`)));
  const summary = scene.objects.find((o) => o.id === 'summary');
  t.is(summary?.type === 'text' ? summary.text : '', '6 steps: Detect to Improve', 'the step count is shown on screen');
});

test('edited params are used as given', (t) => {
  const a = analyze('', { template: 'business.process_flow', params: { title: 'Deploy', steps: ['Build', 'Test', 'Ship'] } });
  t.deepEqual(a.params, { title: 'Deploy', steps: ['Build', 'Test', 'Ship'] });
  t.deepEqual(a.facts, { step_count: 3 });
  t.throws(() => analyze('', { template: 'business.process_flow', params: { steps: Array.from({ length: 11 }, (_, i) => `s${i}`) } }), { message: /steps/ });
});
