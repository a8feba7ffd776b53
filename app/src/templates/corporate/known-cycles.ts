// Cycles people name instead of listing ("the PDCA cycle", "an OODA loop"): their steps, and one
// sentence per step for the captions.

export interface KnownCycle {
  /** Matched against the normalised description. */
  pattern: RegExp;
  title: string;
  /** Short name written in the middle of the circle. */
  centre: string;
  steps: string[];
  notes: string[];
}

export const KNOWN_CYCLES: KnownCycle[] = [
  {
    pattern: /\b(pdca|plan do check act|deming (cycle|wheel)|shewhart cycle)\b/,
    title: 'PDCA cycle',
    centre: 'PDCA',
    steps: ['Plan', 'Do', 'Check', 'Act'],
    notes: ['set the goal and plan the change that should reach it', 'try the change, on a small scale first', 'measure the results and compare them with the plan', 'adopt what worked, adjust what did not, and plan the next round'],
  },
  {
    pattern: /\b(pdsa|plan do study act)\b/,
    title: 'PDSA cycle',
    centre: 'PDSA',
    steps: ['Plan', 'Do', 'Study', 'Act'],
    notes: ['plan a change and predict its effect', 'carry out the change', 'study the results against the prediction', 'act on what was learned'],
  },
  {
    pattern: /\b(ooda|observe orient decide act)\b/,
    title: 'OODA loop',
    centre: 'OODA',
    steps: ['Observe', 'Orient', 'Decide', 'Act'],
    notes: ['gather what is happening now', 'make sense of it in context', 'choose a course of action', 'act, then observe the result'],
  },
  {
    pattern: /\b(dmaic|define measure analy[sz]e improve control)\b/,
    title: 'DMAIC cycle',
    centre: 'DMAIC',
    steps: ['Define', 'Measure', 'Analyze', 'Improve', 'Control'],
    notes: ['define the problem and the goal', 'measure how the process performs today', 'find the root causes in the data', 'improve the process to remove them', 'control the new process so the gains last'],
  },
  {
    pattern: /\bdesign thinking\b/,
    title: 'Design thinking',
    centre: 'Design thinking',
    steps: ['Empathize', 'Define', 'Ideate', 'Prototype', 'Test'],
    notes: ['understand the people you design for', 'state their core problem', 'generate many possible solutions', 'build quick, cheap versions', 'test them with users and learn'],
  },
  {
    pattern: /\bwater cycle|hydrologic(al)? cycle\b/,
    title: 'Water cycle',
    centre: 'Water cycle',
    steps: ['Evaporation', 'Condensation', 'Precipitation', 'Collection'],
    notes: ['the sun turns surface water into vapour', 'vapour cools into clouds', 'water falls as rain or snow', 'it gathers in rivers, lakes and oceans'],
  },
];

/** The named cycle a description refers to, if any. */
export function knownCycle(normalized: string): KnownCycle | undefined {
  return KNOWN_CYCLES.find((c) => c.pattern.test(normalized));
}

/** The known cycle whose steps these are (compared ignoring case), if any. */
export function cycleWithSteps(steps: string[]): KnownCycle | undefined {
  return KNOWN_CYCLES.find((c) => c.steps.length === steps.length && c.steps.every((s, k) => s.toLowerCase() === steps[k]!.toLowerCase()));
}

export const DEFAULT_CYCLE = KNOWN_CYCLES[0]!;
