// Every row of app/test/fixtures/analysis-examples.jsonl gives the expected template, params and facts.
import test from 'ava';
import { analyze } from '../src/analysis/analyze.ts';
import { getTemplate, TEMPLATES } from '../src/templates/registry.ts';
import { closeTo, loadExamples } from './helpers/examples.ts';

for (const example of loadExamples()) {
  test(`${example.template}: ${example.text}`, (t) => {
    t.truthy(getTemplate(example.template), `the catalogue has ${example.template}`);
    const result = analyze(example.text);
    t.is(result.template, example.template);
    t.true(result.understood, 'understood, so it can be drawn');
    t.is(closeTo(result.params, example.params, 'params'), undefined);
    t.is(closeTo(result.facts, example.facts, 'facts'), undefined);
  });
}

test('every template example is understood as its own template (the catalogue render and contact sheet draw them)', (t) => {
  for (const template of TEMPLATES) {
    const a = analyze(template.example);
    t.is(a.template, template.id, template.example);
    t.true(a.understood, template.example);
  }
});
