// Drawing physics on screen: a metre-based plane mapped into a box of the 16 x 9 view, motion sampled from
// the real equations and played as linear tweens between samples, and a playback speed chosen so that
// very fast or very slow motion stays watchable (and says so on screen).
import type { Composition } from '../../types.ts';
import { fmt } from './format.ts';

export type SceneObjectInput = Composition['objects'][number];
export type TimelineEntryInput = Composition['timeline'][number];

export interface Box {
  left: number;
  right: number;
  bottom: number;
  top: number;
}

/**
 * Data coordinates in metres → world units. The same scale on both axes unless the vertical extent is
 * small next to the horizontal one; then y is stretched (at most `maxStretch` times) and `stretch` says so.
 */
export class Plane {
  readonly xRange: [number, number];
  readonly yRange: [number, number];
  readonly sx: number;
  readonly sy: number;
  readonly width: number;
  readonly height: number;
  /** World position of the data point (xRange[0], yRange[0]). */
  readonly left: number;
  readonly bottom: number;

  constructor(box: Box, xRange: [number, number], yRange: [number, number], opts: { maxStretch?: number; align?: 'left' | 'center'; valign?: 'bottom' | 'middle'; independent?: boolean } = {}) {
    this.xRange = xRange;
    this.yRange = yRange;
    const spanX = xRange[1] - xRange[0];
    const spanY = yRange[1] - yRange[0];
    const boxW = box.right - box.left;
    const boxH = box.top - box.bottom;
    const s = Math.min(boxW / spanX, boxH / spanY);
    this.sx = s;
    // True shape unless it would fill under a third of the box's height; then stretch to 60%.
    const flat = spanY * s < boxH / 3;
    this.sy = flat ? Math.max(s, Math.min((0.6 * boxH) / spanY, s * (opts.maxStretch ?? 1))) : s;
    // Graphs of different quantities (height against time) fill the box on both axes.
    if (opts.independent) {
      this.sx = boxW / spanX;
      this.sy = boxH / spanY;
    }
    this.width = spanX * this.sx;
    this.height = spanY * this.sy;
    this.left = opts.align === 'center' ? (box.left + box.right - this.width) / 2 : box.left;
    this.bottom = opts.valign === 'middle' ? (box.bottom + box.top - this.height) / 2 : box.bottom;
  }

  /** How many times the vertical scale exceeds the horizontal one (1 = true shape). */
  get stretch(): number {
    return this.sy / this.sx;
  }

  x(x: number): number {
    return this.left + (x - this.xRange[0]) * this.sx;
  }

  y(y: number): number {
    return this.bottom + (y - this.yRange[0]) * this.sy;
  }

  at(x: number, y: number): [number, number] {
    return [this.x(x), this.y(y)];
  }

  /** An axes object covering the plane, so ticks read in metres. */
  axes(id: string, opts: { xLabel?: string; yLabel?: string; xStep?: number; yStep?: number; grid?: boolean } = {}): SceneObjectInput {
    return {
      id,
      type: 'axes',
      x: this.left + this.width / 2,
      y: this.bottom + this.height / 2,
      width: this.width,
      height: this.height,
      xRange: this.xRange,
      yRange: this.yRange,
      grid: opts.grid ?? true,
      ...(opts.xLabel ? { xLabel: opts.xLabel } : {}),
      ...(opts.yLabel ? { yLabel: opts.yLabel } : {}),
      ...(opts.xStep ? { xStep: opts.xStep } : {}),
      ...(opts.yStep ? { yStep: opts.yStep } : {}),
    };
  }
}

/** `n` + 1 evenly spaced times from t0 to t1 (both included). */
export function times(t0: number, t1: number, n: number): number[] {
  return Array.from({ length: n + 1 }, (_, i) => t0 + ((t1 - t0) * i) / n);
}

/** One sampled state: scene time and the property values at that moment. */
export interface Keyframe {
  at: number;
  values: Record<string, number | [number, number][]>;
}

/**
 * Linear tweens between consecutive keyframes, per property, so the object passes through every sample
 * exactly (no easing between samples: the physics sets the pace). Properties that do not change are skipped.
 */
export function keyframeTweens(target: string, keyframes: Keyframe[]): TimelineEntryInput[] {
  const out: TimelineEntryInput[] = [];
  // 7 significant digits: far below a pixel, and scene specs with thousands of samples stay small.
  const round = (v: number) => Number(v.toPrecision(7));
  const compact = (v: Keyframe['values'][string]) => (typeof v === 'number' ? round(v) : v.map(([x, y]) => [round(x), round(y)] as [number, number]));
  for (let i = 1; i < keyframes.length; i++) {
    const a = keyframes[i - 1]!;
    const b = keyframes[i]!;
    const duration = b.at - a.at;
    if (duration <= 0) continue;
    for (const [property, to] of Object.entries(b.values)) {
      const from = a.values[property];
      if (from !== undefined && JSON.stringify(from) === JSON.stringify(to)) continue;
      out.push({ type: 'tween', target, property, to: compact(to), start: a.at, duration, easing: 'linear' });
    }
  }
  return out;
}

/** How motion that really takes `realSeconds` is played: `factor` screen seconds per real second. */
export interface Playback {
  factor: number;
  /** For the screen: "real time", "slow motion (×0.5 speed)", "sped up 10×". */
  label: string;
}

const NICE = [1, 2, 2.5, 5];

function niceAtLeast(x: number): number {
  const mag = 10 ** Math.floor(Math.log10(x));
  for (const n of [...NICE, 10]) if (n * mag >= x - 1e-12) return n * mag;
  return 10 * mag;
}

/** Real time when the motion lasts `min`..`max` seconds; otherwise the nearest round slow-down or speed-up. */
export function choosePlayback(realSeconds: number, min = 2, max = 6): Playback {
  if (realSeconds >= min && realSeconds <= max) return { factor: 1, label: 'real time' };
  if (realSeconds < min) {
    const slow = niceAtLeast(min / Math.max(realSeconds, 1e-9));
    return { factor: slow, label: `slow motion (${fmt(slow)}× slower)` };
  }
  const fast = niceAtLeast(realSeconds / max);
  return { factor: 1 / fast, label: `sped up ${fmt(fast)}×` };
}

/** Points of an arc (for angle marks) around (cx, cy) from angle a0 to a1 in degrees. */
export function arcPoints(cx: number, cy: number, r: number, a0: number, a1: number, n = 24): [number, number][] {
  return times(a0, a1, n).map((a) => [cx + r * Math.cos((a * Math.PI) / 180), cy + r * Math.sin((a * Math.PI) / 180)] as [number, number]);
}

/** A "nice" tick step (1, 2 or 5 × 10ⁿ) giving about `count` ticks over `span`. */
export function niceStep(span: number, count = 6): number {
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  return (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
}

/**
 * A horizontal metre ruler along world y: a line, ticks and labels for data x in [x0, x1] mapped by `toWorld`.
 * Used where a full axes object would add a meaningless vertical axis (tracks, spring rails).
 */
export function ruler(id: string, x0: number, x1: number, toWorld: (x: number) => number, y: number, unit = 'm', color = '$muted'): SceneObjectInput[] {
  const step = niceStep(x1 - x0);
  const out: SceneObjectInput[] = [
    {
      id: `${id}-line`,
      type: 'line',
      points: [
        [toWorld(x0), y],
        [toWorld(x1), y],
      ],
      color,
      width: 0.03,
    },
  ];
  let i = 0;
  for (let v = Math.ceil(x0 / step - 1e-9) * step; v <= x1 + 1e-9; v += step, i++) {
    const wx = toWorld(v);
    const label = Math.abs(v) < step / 1e6 ? '0' : fmt(Number(v.toPrecision(6)));
    out.push({
      id: `${id}-tick${i}`,
      type: 'line',
      points: [
        [wx, y - 0.08],
        [wx, y + 0.08],
      ],
      color,
      width: 0.025,
    });
    out.push({ id: `${id}-label${i}`, type: 'text', text: label, x: wx, y: y - 0.3, size: 0.26, color });
  }
  out.push({ id: `${id}-unit`, type: 'text', text: unit, x: toWorld(x1) + 0.15, y, size: 0.28, align: 'left', color });
  return out;
}

/** Moves a centred label horizontally so its estimated width (≈ 0.55 em per character) stays inside x ∈ [lo, hi]. */
export function fitX(x: number, text: string, size: number, lo = -7.8, hi = 7.8): number {
  const half = (text.length * size * 0.55) / 2;
  return Math.min(hi - half, Math.max(lo + half, x));
}

/** A stretch of the motion, in real seconds, and the caption narrated over it. */
export interface Phase {
  from: number;
  to: number;
  text: string;
}

/**
 * Screen time for motion captioned in phases: each phase starts with a pause (the motion freezes on the
 * moment its caption names: release, lowest point, far side) just long enough that the phase, pause plus
 * motion, lasts its caption's reading time (pacing.ts). Without it the narration, held for reading, would
 * fall behind the motion it describes.
 */
export class PhasedClock {
  readonly t0: number;
  readonly factor: number;
  readonly phases: readonly Phase[];
  private readonly holds: number[];

  constructor(t0: number, factor: number, phases: readonly Phase[], readingTime: (text: string) => number) {
    this.t0 = t0;
    this.factor = factor;
    this.phases = phases;
    this.holds = phases.map((p) => Math.max(0, readingTime(p.text) - (p.to - p.from) * factor));
  }

  /** Screen time of real time `t`, before the pause of a phase starting exactly at `t`. */
  at(t: number): number {
    let screen = this.t0 + t * this.factor;
    this.phases.forEach((p, i) => {
      if (p.from < t - 1e-9) screen += this.holds[i]!;
    });
    return screen;
  }

  /** Screen time phase `i` starts (its caption goes up, its pause begins). */
  start(i: number): number {
    return this.at(this.phases[i]!.from);
  }

  /** Screen time the motion ends. */
  get end(): number {
    return this.at(this.phases[this.phases.length - 1]!.to);
  }

  /** Each sample's screen time; a sample where a phase starts comes twice, before and after its pause. */
  keyframes<T>(items: readonly T[], timeOf: (item: T) => number): { item: T; at: number }[] {
    return items.flatMap((item) => {
      const t = timeOf(item);
      const at = this.at(t);
      const i = this.phases.findIndex((p) => Math.abs(p.from - t) < 1e-9);
      return i >= 0 && this.holds[i]! > 0
        ? [
            { item, at },
            { item, at: at + this.holds[i]! },
          ]
        : [{ item, at }];
    });
  }

  /** A 0→1 `property` tween of `target` that keeps pace with the motion, pausing with it (a plot drawn as it happens). */
  progressTweens(target: string, property = 'progress'): TimelineEntryInput[] {
    const total = this.phases[this.phases.length - 1]!.to - this.phases[0]!.from;
    return this.phases.map((p, i) => ({
      type: 'tween' as const,
      target,
      property,
      from: (p.from - this.phases[0]!.from) / total,
      to: (p.to - this.phases[0]!.from) / total,
      start: this.start(i) + this.holds[i]!,
      duration: (p.to - p.from) * this.factor,
      easing: 'linear' as const,
    }));
  }
}

/**
 * `playback`, slowed to a round slow-down when its motion must last longer on screen (at least `minFactor`
 * screen seconds per real second, e.g. so each phase of a flight lasts its caption's reading time).
 */
export function slowEnough(playback: Playback, minFactor: number): Playback {
  if (playback.factor >= minFactor - 1e-9) return playback;
  if (minFactor < 1) {
    // Sped up, but less: the largest round speed-up that still leaves the motion long enough.
    const fast = niceAtLeast(1 / minFactor);
    const ok = fast * minFactor <= 1 + 1e-9 ? fast : fast / 2;
    return ok <= 1 ? { factor: 1, label: 'real time' } : { factor: 1 / ok, label: `sped up ${fmt(ok)}×` };
  }
  if (minFactor === 1) return { factor: 1, label: 'real time' };
  const slow = niceAtLeast(minFactor);
  return { factor: slow, label: `slow motion (${fmt(slow)}× slower)` };
}
