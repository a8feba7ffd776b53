// business.decision_flow: the user's if/then rules as a tree (nested and chained ifs, a dangling otherwise
// bound to the nearest if), walked depth first with yes before no; text with no condition is asked for one.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';

const REQ = { width: 1280, height: 720, fps: 30 };

type Node = { text: string; yes?: number; no?: number };

/** The paths of a tree, computed here independently of the template: each outcome with the answers that reach it. */
function paths(nodes: Node[], i = 0, trail: string[] = []): string[] {
  const n = nodes[i]!;
  if (n.yes === undefined) return [[...trail, n.text].join(' → ')];
  return [...paths(nodes, n.yes, [...trail, `${n.text}: yes`]), ...(n.no === undefined ? [] : paths(nodes, n.no, [...trail, `${n.text}: no`]))];
}

test('the example: one condition, its yes and its no, exactly as written', (t) => {
  const a = analyze('If severity is high, page on-call; otherwise open a ticket');
  t.is(a.template, 'business.decision_flow');
  t.true(a.understood);
  const nodes = a.params.nodes as Node[];
  t.deepEqual(paths(nodes), ['severity is high: yes → page on-call', 'severity is high: no → open a ticket']);
  t.deepEqual(a.facts, { questions: 1, outcomes: 2, depth: 1 });
});

test('a nested if takes the nearest otherwise, the outer if the next one', (t) => {
  const a = analyze('Escalation policy: if the customer is a VIP, if it is urgent, call them, otherwise email them; otherwise open a ticket');
  t.is(a.params.title, 'Escalation policy');
  const nodes = a.params.nodes as Node[];
  t.deepEqual(paths(nodes), ['the customer is a VIP: yes → it is urgent: yes → call them', 'the customer is a VIP: yes → it is urgent: no → email them', 'the customer is a VIP: no → open a ticket']);
  const p = paths(nodes);
  t.deepEqual(a.facts, { questions: nodes.filter((n) => n.yes !== undefined).length, outcomes: p.length, depth: Math.max(...p.map((x) => x.split(': ').length - 1)) });
});

test('"otherwise if" and "then … else" chain, and separate "If A, X. If B, Y." rules are tried in turn', (t) => {
  const chain = analyze('if severity is high then page on-call, otherwise if it is medium, open a ticket for today, else log it for the weekly review');
  t.deepEqual(paths(chain.params.nodes as Node[]), ['severity is high: yes → page on-call', 'severity is high: no → it is medium: yes → open a ticket for today', 'severity is high: no → it is medium: no → log it for the weekly review']);
  const separate = analyze('If paid, ship the order. If not paid, send a reminder.');
  t.deepEqual(paths(separate.params.nodes as Node[]), ['paid: yes → ship the order', 'paid: no → not paid: yes → send a reminder']);
  t.true(separate.warnings.some((w) => w.includes('"if not paid" has no otherwise')));
});

test('no condition, no tree: the analysis asks for one rather than drawing an example', (t) => {
  for (const text of ['escalation path for outages', 'Decision tree: page on-call, then open a ticket']) {
    const a = analyze(text);
    t.is(a.template, 'business.decision_flow', text);
    t.false(a.understood, text);
    t.deepEqual(a.needs?.data, ['nodes'], text);
    t.regex(a.needs?.message ?? '', /condition/);
  }
});

test('an algorithm with if/otherwise keeps its own template', (t) => {
  t.is(analyze('Binary search: if the target is smaller than the middle, go left, otherwise go right').template, 'search.binary');
});

test('bad trees are refused with the reason', (t) => {
  const tree = (nodes: Node[]) => () => analyze('', { template: 'business.decision_flow', params: { nodes } });
  t.throws(tree([{ text: 'a', yes: 1, no: 2 }, { text: 'b' }, { text: 'c', yes: 1 }]), { message: /branch 1 must name a later node/ });
  t.throws(tree([{ text: 'a', yes: 1 }, { text: 'b' }, { text: 'c' }]), { message: /no condition leads to this node/ });
  t.throws(tree([{ text: 'a' }, { text: 'b' }, { text: 'c' }]), { message: /the first node must be a condition/ });
  const deep: Node[] = [0, 1, 2, 3].map((i) => ({ text: `c${i}`, yes: i + 1 }));
  deep.push({ text: 'done' });
  t.throws(tree(deep), { message: /4 conditions deep; at most 3/ });
});

test('the walk goes depth first, yes before no, each caption on the node it reads, each node shown before its caption ends', (t) => {
  const { scene } = sceneFromDescription('Escalation policy: if the customer is a VIP, if it is urgent, call them, otherwise email them; otherwise open a ticket', REQ);
  const steps = scene.narration.steps;
  t.deepEqual(
    steps.map((s) => s.text),
    ['Escalation policy.', 'If the customer is a VIP?', 'Yes: if it is urgent?', 'Yes: call them.', 'No: email them.', 'No: open a ticket.', '3 possible outcomes.'],
  );
  t.deepEqual(
    steps.filter((s) => s.refs.length).map((s) => s.refs),
    [0, 1, 2, 3, 4].map((i) => [`node-${i}`]),
  );
  for (const s of steps.filter((x) => x.refs.length)) {
    const shown = scene.timeline.find((e) => e.type === 'appear' && e.target === s.refs[0]) as { at: number };
    t.true(shown.at <= s.start + s.duration, `${s.refs[0]} shows during its caption`);
  }
  const answers = scene.objects.filter((o) => o.id.startsWith('answer-')).map((o) => [o.id, (o as { text: string }).text]);
  t.deepEqual(answers, [
    ['answer-1', 'Yes'],
    ['answer-4', 'No'],
    ['answer-2', 'Yes'],
    ['answer-3', 'No'],
  ]);
});
