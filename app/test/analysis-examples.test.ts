// Every row of app/test/fixtures/analysis-examples.jsonl gives the expected template, params and facts.
import test from 'ava';
import { analyze } from '../src/analysis/analyze.ts';
import { getTemplate } from '../src/templates/registry.ts';
import { closeTo, loadExamples } from './helpers/examples.ts';

for (const example of loadExamples()) {
  test(`${example.template}: ${example.text}`, (t) => {
    t.truthy(getTemplate(example.template), `the catalogue has ${example.template}`);
    const result = analyze(example.text);
    t.is(result.template, example.template);
    t.is(closeTo(result.params, example.params, 'params'), undefined);
    t.is(closeTo(result.facts, example.facts, 'facts'), undefined);
  });
}
