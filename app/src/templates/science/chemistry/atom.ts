// chemistry.atom: the Bohr model of an element — a nucleus of protons and neutrons, and electrons
// filling shells K, L, M, … (2, 8, 8 for Z ≤ 20; aufbau order with the measured exceptions beyond).
import { z } from 'zod';
import { defineTemplate, type Composition } from '../../types.ts';
import { TimelineBuilder } from '../../timeline-builder.ts';
import { configurationLatex, configurationText, electronConfiguration, SHELL_NAMES, shellCounts, subshellName } from './electron-shells.ts';
import { elementByNumber, elementNames, findElement, type Element } from './elements.ts';
import { formatNumber, superscript } from '../../format/index.ts';

const params = z.object({
  element: z
    .string()
    .max(40)
    .default('Na')
    .superRefine((value, ctx) => {
      if (!findElement(value)) ctx.addIssue({ code: 'custom', message: `unknown element "${value}": give a symbol (Na) or a name (sodium) of one of the 118 elements` });
    }),
});
type AtomParams = z.infer<typeof params>;

const NOBLE_GASES = [2, 10, 18, 36, 54, 86];

/** Neutrons of the most common isotope, as schools count them: mass number (rounded atomic weight) − Z. */
export function neutronCount(e: Element): number {
  return Math.round(e.mass) - e.z;
}

/** "[Ne]\,3s^{1}" — the noble-gas core written short, so heavy elements fit on one line. */
function shortConfigurationLatex(zNumber: number): string {
  const core = [...NOBLE_GASES].reverse().find((g) => g < zNumber && zNumber > 10);
  if (!core) return configurationLatex(zNumber);
  const inCore = new Set(electronConfiguration(core).map((s) => `${subshellName(s)}:${s.electrons}`));
  const rest = electronConfiguration(zNumber).filter((s) => !inCore.has(`${subshellName(s)}:${s.electrons}`));
  return `[\\mathrm{${elementByNumber(core)!.symbol}}]\\,${rest.map((s) => `${subshellName(s)}^{${s.electrons}}`).join('\\,')}`;
}

/** The element a description names: a name anywhere, a symbol next to atom/element/of, or an atomic number. */
function findElementInText(original: string): Element | undefined {
  const lower = original.toLowerCase();
  let best: { at: number; e: Element } | undefined;
  for (const name of elementNames()) {
    const m = new RegExp(`(?<![a-z])${name}(?![a-z])`).exec(lower);
    if (m && (!best || m.index < best.at)) best = { at: m.index, e: findElement(name)! };
  }
  if (best) return best.e;
  const number = /\b(?:atomic number|element|z)\s*(?:=|:|of|is)?\s*(\d{1,3})\b/i.exec(original);
  if (number && Number(number[1]) >= 1 && Number(number[1]) <= 118) return elementByNumber(Number(number[1]));
  // Symbols are case-sensitive and must sit where a symbol is expected ("He" is also a word).
  const symbol = /(?:\b(?:of|for|element|atom|an?)\s+([A-Z][a-z]?)\b(?!-)|\b([A-Z][a-z]?)\s+(?:atom|element)\b)/.exec(original);
  const s = symbol?.[1] ?? symbol?.[2];
  if (s) return findElement(s);
  return undefined;
}

export const chemistryAtom = defineTemplate<AtomParams>({
  id: 'chemistry.atom',
  title: 'Atom (Bohr model)',
  category: 'chemistry',
  style: 'scientific',
  example: 'Bohr model of sodium',
  params,
  vocabulary: ['bohr', 'electron', 'electrons', 'shells', 'protons', 'neutrons', 'nucleus', 'configuration', 'atomic'],
  triggers: [
    { pattern: /\bbohr\b/, score: 0.95 },
    { pattern: /\belectron (shells?|configuration|arrangement)\b/, score: 0.9 },
    { pattern: /\b(shells?|orbits?) of (an? )?[a-z]+ atom\b/, score: 0.9 },
    { pattern: /\b(atomic (structure|model)|structure of an? [a-z]+ atom|inside an? atom)\b/, score: 0.8 },
    { pattern: new RegExp(`\\b(${elementNames().join('|')}) atom\\b`), score: 0.85 },
    { pattern: /\batom of\b/, score: 0.75 },
    { pattern: /\bprotons?\b.*\bneutrons?\b/, score: 0.75 },
  ],
  extract(text, warnings) {
    const e = findElementInText(text.original);
    if (!e) {
      const named = /\b(?:of|for)\s+(?:an?\s+|the\s+)?([A-Za-z]{2,})/.exec(text.original)?.[1];
      if (named && !/^(atoms?|elements?|an?|the|it|this|that)$/i.test(named)) {
        warnings.push(`unknown element "${named}"; showing sodium — give a symbol (Fe), a name (iron) or an atomic number (element 26)`);
      }
      return {};
    }
    text.used.add(e.name.toLowerCase());
    return { element: e.symbol };
  },
  facts({ element }) {
    const e = findElement(element)!;
    const shells = shellCounts(e.z);
    return {
      name: e.name,
      symbol: e.symbol,
      protons: e.z,
      neutrons: neutronCount(e),
      electrons: e.z,
      shells,
      configuration: configurationText(e.z),
      valence_electrons: shells[shells.length - 1]!,
    };
  },
  compose({ element }) {
    const e = findElement(element)!;
    const shells = shellCounts(e.z);
    const neutrons = neutronCount(e);
    const cx = -3.1;
    const cy = -0.4;
    const nucleusR = e.z + neutrons <= 40 ? 0.62 : 0.75;
    const firstR = nucleusR + 0.55;
    const step = shells.length > 1 ? Math.min(0.7, (3.3 - firstR) / (shells.length - 1)) : 0;
    const tl = new TimelineBuilder();
    const objects: Composition['objects'] = [
      { id: 'title', type: 'text', text: `${e.name} (${e.symbol})`, x: 0, y: 3.85, size: 0.6, weight: 700, color: '$foreground' },
      { id: 'subtitle', type: 'text', text: `Bohr model · atomic number Z = ${e.z}`, x: 0, y: 3.25, size: 0.32, color: '$muted' },
    ];

    // Nucleus: every nucleon for light atoms (a sunflower packing), a labelled disc for heavy ones.
    const nucleonIds: string[] = [];
    // "protons (red)" and "neutrons (grey)" in the caption are written in those particles' colours.
    const nucleusTerms: { text: string; ref: string }[] = [];
    if (e.z + neutrons <= 40) {
      const total = e.z + neutrons;
      const r = Math.min(0.14, nucleusR * Math.sqrt(0.7 / total));
      // Interleave protons and neutrons so both show all over the nucleus.
      const kinds = Array.from({ length: total }, (_, i) => (Math.floor(((i + 1) * e.z) / total) > Math.floor((i * e.z) / total) ? 'p' : 'n'));
      kinds.forEach((kind, i) => {
        const radius = (nucleusR - r) * Math.sqrt(i / total);
        const angle = i * 2.39996;
        const id = `nucleon${i}`;
        nucleonIds.push(id);
        const term = kind === 'p' ? `proton${e.z === 1 ? '' : 's'} (red)` : `neutron${neutrons === 1 ? '' : 's'} (grey)`;
        if (!nucleusTerms.some((x) => x.text === term)) nucleusTerms.push({ text: term, ref: id });
        objects.push({ id, type: 'circle', x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle), radius: r, fill: kind === 'p' ? '$danger' : '$muted', stroke: '$background', strokeWidth: 0.015 });
      });
    } else {
      objects.push({ id: 'nucleus', type: 'circle', x: cx, y: cy, radius: nucleusR, fill: '$danger', stroke: '$muted', strokeWidth: 0.04 });
      objects.push({ id: 'nucleus-label', type: 'text', text: `${e.z}p⁺ ${neutrons}n⁰`, x: cx, y: cy, size: 0.28, weight: 600, color: '$foreground' });
      nucleonIds.push('nucleus', 'nucleus-label');
    }

    // Shells: a ring each, and a group per shell holding its electrons (groups turn; inner ones faster).
    shells.forEach((count, k) => {
      const radius = firstR + k * step;
      objects.push({ id: `ring${k}`, type: 'circle', x: cx, y: cy, radius, stroke: '$grid', strokeWidth: 0.03 });
      objects.push({ id: `shell${k}`, type: 'group', x: cx, y: cy });
      for (let j = 0; j < count; j++) {
        const a = (2 * Math.PI * j) / count + k * 0.35;
        objects.push({ id: `e${k}_${j}`, parent: `shell${k}`, type: 'circle', x: radius * Math.cos(a), y: radius * Math.sin(a), radius: 0.085, fill: '$secondary', stroke: '$foreground', strokeWidth: 0.012 });
      }
      objects.push({ id: `ring-label${k}`, type: 'text', text: SHELL_NAMES[k]!, x: cx - radius * Math.cos(0.5), y: cy - radius * Math.sin(0.5), size: 0.28, color: '$muted', background: '$background' });
    });

    // Facts panel on the right.
    const rows: [string, string, string][] = [
      ['protons', 'Protons', String(e.z)],
      ['neutrons', 'Neutrons', String(neutrons)],
      ['electrons', 'Electrons', String(e.z)],
      ['shells', 'Per shell', shells.join(', ')],
      ['valence', 'Outer shell', `${shells[shells.length - 1]} electron${shells[shells.length - 1] === 1 ? '' : 's'}`],
      ['mass', e.synthetic ? 'Mass number' : 'Atomic mass', e.synthetic ? String(e.mass) : `${formatNumber(e.mass, { sigFigs: 4 })} u`],
    ];
    const colours: Record<string, string> = { protons: '$danger', neutrons: '$muted', electrons: '$secondary', valence: '$accent' };
    rows.forEach(([id, label, value], i) => {
      const y = 2.2 - i * 0.62;
      objects.push({ id: `${id}-label`, type: 'text', text: label, x: 1.6, y, size: 0.32, align: 'left', color: '$muted' });
      objects.push({ id: `${id}-value`, type: 'text', text: value, x: 7.5, y, size: 0.36, align: 'right', weight: 600, color: (colours[id] ?? '$foreground') as string });
    });
    objects.push({ id: 'config', type: 'math', latex: shortConfigurationLatex(e.z), x: 4.55, y: -2.2, size: 0.42, color: '$foreground' });
    objects.push({ id: 'config-label', type: 'text', text: 'Electron configuration', x: 4.55, y: -1.6, size: 0.3, color: '$muted' });

    tl.narrate(`${e.name} has atomic number ${e.z}: ${e.z} proton${e.z === 1 ? '' : 's'} in the nucleus and, in the neutral atom, ${e.z} electron${e.z === 1 ? '' : 's'}.`, 2.5, ['protons-value', 'electrons-value']);
    tl.appear('title', 0.6).appear('subtitle', 0.6, 'fade', 0.3);
    tl.wait(0.6);
    const nucleonStep = Math.min(0.05, 1.2 / nucleonIds.length);
    nucleonIds.forEach((id, i) => tl.appear(id, 0.35, 'grow', tl.t + i * nucleonStep));
    tl.appear('protons-label', 0.4)
      .appear('protons-value', 0.4)
      .appear('neutrons-label', 0.4, 'fade', tl.t + 0.4)
      .appear('neutrons-value', 0.4, 'fade', tl.t + 0.4);
    tl.wait(nucleonStep * nucleonIds.length + 0.6);
    tl.narrate(`The nucleus holds ${e.z} proton${e.z === 1 ? '' : 's'} (red) and ${neutrons} neutron${neutrons === 1 ? '' : 's'} (grey).`, 2, nucleonIds, { terms: nucleusTerms });
    tl.wait(1.2);

    const perShell = Math.max(0.9, Math.min(1.8, 9 / shells.length));
    tl.appear('electrons-label', 0.4).appear('electrons-value', 0.4);
    shells.forEach((count, k) => {
      const capacity = 2 * (k + 1) ** 2;
      const full = count === capacity ? ' — full' : count === 8 ? ' — a stable octet' : '';
      tl.narrate(`Shell ${k + 1} (${SHELL_NAMES[k]}) takes ${count} electron${count === 1 ? '' : 's'}${full}.`, perShell, [`ring${k}`]);
      tl.appear(`ring${k}`, 0.3, 'grow').appear(`ring-label${k}`, 0.3);
      const eStep = Math.min(0.12, (perShell - 0.4) / count);
      for (let j = 0; j < count; j++) tl.appear(`e${k}_${j}`, 0.25, 'grow', tl.t + 0.25 + j * eStep);
      tl.wait(perShell);
    });
    tl.appear('shells-label', 0.4).appear('shells-value', 0.4);
    const outer = shells.length - 1;
    const valence = shells[outer]!;
    tl.narrate(
      `The outer shell has ${valence} electron${valence === 1 ? '' : 's'}: ${valence === 8 || e.z === 2 ? 'it is full, so the atom is unreactive' : valence === 1 ? 'it takes part in bonding' : 'these take part in bonding'}.`,
      2.5,
      [`ring${outer}`],
    );
    tl.appear('valence-label', 0.4).appear('valence-value', 0.4);
    tl.add({ type: 'tween', target: `ring${outer}`, property: 'stroke', to: '$accent', start: tl.t, duration: 0.5 });
    for (let j = 0; j < valence; j++) tl.add({ type: 'highlight', target: `e${outer}_${j}`, at: tl.t, duration: 1.5, color: '$accent' });
    tl.wait(2.5);
    tl.narrate(`Electron configuration: ${configurationText(e.z).replace(/([spdf])(\d+)/g, (_, l: string, n: string) => l + superscript(n))}.`, 3, ['config']);
    for (const id of ['mass-label', 'mass-value', 'config-label', 'config']) tl.appear(id, 0.5);
    tl.wait(3.2);
    // The last caption is held until read (pacing.ts) before the length the motion spans is fixed.
    const duration = tl.hold().t;
    // Electrons circle the nucleus for the whole animation; inner shells go round faster, as in Bohr's model.
    shells.forEach((_, k) => {
      tl.add({ type: 'tween', target: `shell${k}`, property: 'rotation', from: 0, to: (360 * duration) / (6 * (k + 1)), start: 0, duration, easing: 'linear' });
    });
    tl.finish(duration);
    // The caption names the colours ("protons (red)"): the legend says them once more, and which shell bonds.
    const legend = [{ role: 'proton' as const }, { role: 'neutron' as const }, { role: 'electron' as const }, { role: 'valence' as const, swatch: 'line' as const }];
    return { objects, timeline: tl.entries, narration: tl.steps, duration, title: `Bohr model of ${e.name.toLowerCase()}`, legend };
  },
});
