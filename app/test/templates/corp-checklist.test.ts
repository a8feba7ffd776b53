// business.checklist: exactly the user's items, in order, each ticked once while its caption names it;
// a checklist with no items asks for them instead of ticking example ones.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';

const REQ = { width: 1280, height: 720, fps: 30 };

test('the items are the user’s own, in the order written, under a title naming the checklist', (t) => {
  const a = analyze('Our onboarding checklist: laptop, badge, accounts, training');
  t.is(a.template, 'business.checklist');
  t.true(a.understood);
  t.is(a.params.title, 'Our onboarding checklist');
  t.deepEqual(a.params.items, ['laptop', 'badge', 'accounts', 'training']);
  t.deepEqual(a.facts, { item_count: 4 });
});

test('a dash after the word checklist introduces the list, and how-to-show words are not the title', (t) => {
  const dash = analyze('new starter checklist - laptop, id badge, email account, h&s induction');
  t.is(dash.params.title, 'New starter checklist');
  t.deepEqual(dash.params.items, ['laptop', 'id badge', 'email account', 'h&s induction']);
  const how = analyze('Make a checklist animation ticking off: fire exits checked, extinguishers tested, first aid kit stocked');
  t.is(how.params.title, 'Checklist');
  t.deepEqual(how.params.items, ['fire exits checked', 'extinguishers tested', 'first aid kit stocked']);
});

test('a checklist with no items is not filled with example items: the analysis asks for them', (t) => {
  const a = analyze('Show our safety checklist');
  t.is(a.template, 'business.checklist');
  t.false(a.understood);
  t.deepEqual(a.needs?.data, ['items']);
  t.is(a.params.items, undefined);
});

test('bullet lists stay bullets: only a checklist or to-do list is ticked', (t) => {
  t.is(analyze('Three key safety rules: wear a helmet, report hazards, keep exits clear').template, 'business.bullets');
  t.is(analyze('Our benefits: health, dental, 401k').template, 'business.bullets');
  t.is(analyze('end of day todo list: lock the doors, switch off lights, set the alarm').template, 'business.checklist');
});

test('more than ten items are capped with a warning that names the count', (t) => {
  const a = analyze(`Checklist: ${Array.from({ length: 13 }, (_, i) => `item ${i + 1}`).join(', ')}`);
  t.is((a.params.items as string[]).length, 10);
  t.true(a.warnings.some((w) => w.includes('13 items given')));
});

test('each item is ticked exactly once, in order, after the caption that names it appears, and only its own box', (t) => {
  const items = ['laptop', 'badge', 'accounts', 'training'];
  const { scene } = sceneFromDescription(`Our onboarding checklist: ${items.join(', ')}`, REQ);
  const texts = scene.objects.filter((o) => o.type === 'text' && o.id.startsWith('item-')).map((o) => (o as { text: string }).text);
  t.deepEqual(texts, ['Laptop', 'Badge', 'Accounts', 'Training'], 'nothing added, nothing dropped');
  const ticks = scene.timeline.filter((e) => e.type === 'appear' && e.target.startsWith('tick-'));
  t.deepEqual(
    ticks.map((e) => e.target),
    items.map((_, i) => `tick-${i}`),
  );
  const steps = scene.narration.steps;
  items.forEach((item, i) => {
    const step = steps.find((s) => s.text.toLowerCase().includes(item));
    t.truthy(step, `a caption names ${item}`);
    const at = (ticks[i] as { at: number }).at;
    t.true(at >= step!.start && at < step!.start + step!.duration, `${item} is ticked while its caption shows`);
  });
  t.regex(steps[steps.length - 1]!.text, /All 4 items done/);
});
