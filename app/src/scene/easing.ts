// Easing curves by name. Names are part of the scene spec (stable API): add, never rename.
// Each maps progress p in [0, 1] to eased progress; all are exact at 0 and 1.

const c1 = 1.70158;
const c3 = c1 + 1;

function bounceOut(p: number): number {
  const n1 = 7.5625;
  const d1 = 2.75;
  if (p < 1 / d1) return n1 * p * p;
  if (p < 2 / d1) return n1 * (p -= 1.5 / d1) * p + 0.75;
  if (p < 2.5 / d1) return n1 * (p -= 2.25 / d1) * p + 0.9375;
  return n1 * (p -= 2.625 / d1) * p + 0.984375;
}

export const EASINGS = {
  linear: (p: number) => p,
  easeInQuad: (p: number) => p * p,
  easeOutQuad: (p: number) => 1 - (1 - p) * (1 - p),
  easeInOutQuad: (p: number) => (p < 0.5 ? 2 * p * p : 1 - (-2 * p + 2) ** 2 / 2),
  easeInCubic: (p: number) => p ** 3,
  easeOutCubic: (p: number) => 1 - (1 - p) ** 3,
  easeInOutCubic: (p: number) => (p < 0.5 ? 4 * p ** 3 : 1 - (-2 * p + 2) ** 3 / 2),
  easeInSine: (p: number) => 1 - Math.cos((p * Math.PI) / 2),
  easeOutSine: (p: number) => Math.sin((p * Math.PI) / 2),
  easeInOutSine: (p: number) => -(Math.cos(Math.PI * p) - 1) / 2,
  easeInExpo: (p: number) => (p === 0 ? 0 : 2 ** (10 * p - 10)),
  easeOutExpo: (p: number) => (p === 1 ? 1 : 1 - 2 ** (-10 * p)),
  easeInOutExpo: (p: number) => (p === 0 ? 0 : p === 1 ? 1 : p < 0.5 ? 2 ** (20 * p - 10) / 2 : (2 - 2 ** (-20 * p + 10)) / 2),
  easeOutBack: (p: number) => 1 + c3 * (p - 1) ** 3 + c1 * (p - 1) ** 2,
  easeInOutBack: (p: number) => {
    const c2 = c1 * 1.525;
    return p < 0.5 ? ((2 * p) ** 2 * ((c2 + 1) * 2 * p - c2)) / 2 : ((2 * p - 2) ** 2 * ((c2 + 1) * (p * 2 - 2) + c2) + 2) / 2;
  },
  easeOutBounce: bounceOut,
  step: (p: number) => (p < 1 ? 0 : 1),
} satisfies Record<string, (p: number) => number>;

export type EasingName = keyof typeof EASINGS;
export const EASING_NAMES = Object.keys(EASINGS) as [EasingName, ...EasingName[]];

export function ease(name: EasingName, p: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  return EASINGS[name](p);
}
