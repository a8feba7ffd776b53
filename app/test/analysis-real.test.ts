// The held-out set (app/test/fixtures/analysis-real.jsonl): descriptions as teachers and trainers type
// them, half covered by a template, half not. A floor on the share judged right, and no description
// that no template covers may be mapped to one with confidence.
import test from 'ava';
import { analyze, CONFIDENT } from '../src/analysis/analyze.ts';
import { claimsUnderstood, judge, loadRealDescriptions } from './helpers/real-descriptions.ts';

// Measured when this test was written: 196 of 196. Rows 1-136 were written before the analyser work, which
// then scored 63 (46.3%) with the title card counted as the success it claimed; rows 137-166 were written
// after it and scored 28/30 before their two misses (a comparison, Simpson's rule) were fixed; rows 167-196
// were written last and scored 30/30 untouched. Rows 197-226 (issue 13's structure from plain text:
// colons, numbered and bulleted lines, "then", dates without a year, weekdays, roles, labelled figures;
// and topics no template covers yet) scored 29/30 when first run: "cycle to work scheme" in a list of
// benefits was taken for a cycle diagram, since fixed. The floor leaves room for the next rows.
const FLOOR = 0.95;

const rows = loadRealDescriptions();

test('the held-out set has at least 60 descriptions, half of them covered by no template', (t) => {
  t.true(rows.length >= 60, `${rows.length} rows`);
  const uncovered = rows.filter((r) => r.template === null).length;
  t.true(uncovered >= rows.length * 0.4 && uncovered <= rows.length * 0.6, `${uncovered} of ${rows.length} uncovered`);
});

test(`at least ${FLOOR * 100}% of the held-out descriptions get the right answer`, (t) => {
  const wrong = rows.map((r) => ({ text: r.text, why: judge(r, analyze(r.text)) })).filter((w) => w.why !== undefined);
  const score = (rows.length - wrong.length) / rows.length;
  const covered = rows.filter((r) => r.template !== null);
  const coveredRight = covered.filter((r) => !wrong.some((w) => w.text === r.text)).length;
  t.log(`${rows.length - wrong.length}/${rows.length} right (${(score * 100).toFixed(1)}%); right template on the covered rows: ${coveredRight}/${covered.length} (${((coveredRight / covered.length) * 100).toFixed(1)}%)`);
  for (const w of wrong) t.log(`${w.text}: ${w.why}`);
  t.true(score >= FLOOR, `${(score * 100).toFixed(1)}% is below the floor of ${FLOOR * 100}%`);
});

test('no description that no template covers is confidently mapped to a template', (t) => {
  const uncovered = rows.filter((r) => r.template === null);
  const confident = uncovered.filter((row) => {
    const a = analyze(row.text);
    return claimsUnderstood(a) && a.confidence >= CONFIDENT;
  });
  t.log(`off-catalogue descriptions given a template with confidence ≥ ${CONFIDENT}: ${confident.length}/${uncovered.length}`);
  t.deepEqual(
    confident.map((r) => r.text),
    [],
  );
});

test('every confident mistake of the issue is in the set, answered as not understood or needs data', (t) => {
  const mistakes = [
    'Phishing awareness course for new employees',
    'Code of conduct: integrity and respect at work',
    'prims algorithm on a weighted graph',
    'American Revolution timeline',
    'phases of mitosis',
    'Seven-stage B2B sales funnel',
  ];
  for (const text of mistakes) {
    const row = rows.find((r) => r.text === text);
    t.truthy(row, `${text} is in the set`);
    t.is(judge(row!, analyze(text)), undefined, text);
  }
});
