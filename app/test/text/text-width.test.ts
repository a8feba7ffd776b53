// The advance-width table (text/advance-widths.json) against the real headless Chromium: strings re-measured in each
// bundled face agree with the table's sums within 2 % (kerning is what the table leaves out), the table covers every
// character the catalogue's examples put in a text label, and what it lacks falls back to the face's average.
import test from 'ava';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { FONT_WEIGHTS } from '../../src/render/fonts.ts';
import { measureInChromium, type Face } from '../../src/render/measure-text.ts';
import { covers, lineWidth, measuredFaces, wrappedText } from '../../src/text/text-width.ts';
import { TEMPLATES } from '../../src/templates/registry.ts';

const FACES: Face[] = ['Inter', 'JetBrains Mono'].flatMap((family) => FONT_WEIGHTS.map((weight) => ({ family, weight })));
/** Strings of the kinds the templates write: captions, values with units, Greek, sub- and superscripts, arrows. */
const STRINGS = ['Bubble sort: pass 2 of 7', 'y = x² − 3x + 2', 'θ = 45°, v₀ = 20 m/s', 'Mercury → Venus ⇒ Earth', 'Δt ≈ 0.5 s; λ = 500 nm; μ ± σ', 'Revenue £12 500 (+8.4 %)', 'WAVE AMPLITUDE 0123456789', 'aᵢ · 10⁻³ ≤ ∑ xₙ'];

test('strings re-measured in Chromium agree with the table within 2 % in every bundled face', async (t) => {
  const { widths, browser } = await measureInChromium(FACES, STRINGS);
  const off: string[] = [];
  FACES.forEach((face, k) =>
    STRINGS.forEach((s, i) => {
      const drawn = widths[k]![i]!;
      const table = lineWidth(s, face);
      if (Math.abs(table - drawn) / drawn > 0.02) off.push(`${face.family} ${face.weight} "${s}": table ${table.toFixed(3)} em, drawn ${drawn.toFixed(3)} em`);
    }),
  );
  t.log(`measured in ${browser}`);
  t.deepEqual(off, []);
  t.deepEqual(measuredFaces().sort(), FACES.map((f) => `${f.family} ${f.weight}`).sort());
});

test('the table covers every character the catalogue examples put in a text label, and the Greek, scripts and arrows', (t) => {
  const used = new Set<string>();
  for (const template of TEMPLATES) {
    const { scene } = sceneFromDescription(template.example, { width: 1280, height: 720, fps: 30 });
    for (const o of scene.objects) if (o.type === 'text') for (const ch of o.text) used.add(ch);
    for (const e of scene.timeline) if ((e.type === 'set' || e.type === 'tween') && e.property === 'text') for (const ch of String(e.type === 'set' ? e.value : e.to)) used.add(ch);
  }
  const expected = [...'αβγδεζηθικλμνξοπρστυφχψωΔΣΩΦΨΛΠΓΘ⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ₀₁₂₃₄₅₆₇₈₉₊₋ₙₓ−×÷±≈≠≤≥√∞∑∫→←↔⇒⇔⇌°·…–—'];
  const face = { family: 'Inter', weight: 400 };
  t.true(used.size > 60, `${used.size} characters in the catalogue's labels`);
  t.deepEqual(
    [...used, ...expected].filter((ch) => !covers(face, ch)),
    [],
  );
});

test('a character outside the table counts as the average advance; combining marks and joiners take no room', (t) => {
  const face = { family: 'Inter', weight: 400 };
  const average = lineWidth('漢', face);
  t.true(average > 0.5 && average < 0.7, `average ${average}`);
  t.is(lineWidth('漢字', face), 2 * average);
  t.is(lineWidth('x\u0304', face), lineWidth('x', face));
  t.is(lineWidth('a\u200bb', face), lineWidth('ab', face));
  // Digits are tabular (the house style): every one as wide as another.
  t.is(new Set([...'0123456789'].map((d) => lineWidth(d, face))).size, 1);
});

test('wrapping breaks at spaces as the player does, never at a no-break space', (t) => {
  const face = { family: 'Inter', weight: 400 };
  const word = lineWidth('alpha', face);
  const one = wrappedText('alpha alpha alpha', face, 1, word * 2.5);
  t.deepEqual(one, { lines: 2, width: 2 * word + lineWidth(' ', face) });
  t.is(wrappedText('alpha\u00a0alpha', face, 1, word * 1.5).lines, 1, 'held together by the no-break space');
  t.is(wrappedText('a\nb c', face, 1).lines, 2);
});
