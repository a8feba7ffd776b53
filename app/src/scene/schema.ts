// The scene spec, version 2: a JSON document that fully describes an animation.
// Analysis and templates produce it; the player draws it. Field names are stable API:
// saved animations are re-rendered from it years later, so add fields, never re-mean them; a change
// that must re-mean or remove one bumps SCENE_VERSION and adds a step to migrations/ (see migrate.ts).
import { z } from 'zod';
import { EASING_NAMES } from './easing.ts';
import { PALETTE_KEYS, STYLE_NAMES } from './themes.ts';

export const SCENE_VERSION = 2;

const finite = z.number().finite();
const nonNegative = finite.nonnegative();
const positive = finite.positive();

const HEX_COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;
const PALETTE_REF = new RegExp(`^\\$(?:${PALETTE_KEYS.join('|')})$`);

/** "#rgb", "#rrggbb", "#rrggbbaa" or a palette reference such as "$primary". */
export const colorSchema = z.string().refine((s) => HEX_COLOR.test(s) || PALETTE_REF.test(s), {
  error: (issue) => `invalid colour ${JSON.stringify(issue.input)}: use "#rrggbb" or a palette name (${PALETTE_KEYS.map((k) => '$' + k).join(', ')})`,
});

export const easingSchema = z.enum(EASING_NAMES, {
  error: (issue) => `unknown easing ${JSON.stringify(issue.input)} (known: ${EASING_NAMES.join(', ')})`,
});

const idSchema = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, { error: 'ids are 1-64 letters, digits or _ . : -' });

const point2 = z.tuple([finite, finite]);
const point3 = z.tuple([finite, finite, finite]);

/** Properties every object has. Positions are world units: the 2D view is 16 x 9 units, origin at the centre. */
const base = {
  id: idSchema,
  parent: idSchema.optional(),
  x: finite.default(0),
  y: finite.default(0),
  z: finite.default(0),
  rotation: finite.default(0),
  rotationX: finite.default(0),
  rotationY: finite.default(0),
  scale: finite.default(1),
  opacity: finite.min(0).max(1).default(1),
};

const rect = z.strictObject({
  ...base,
  type: z.literal('rect'),
  width: nonNegative,
  height: nonNegative,
  cornerRadius: nonNegative.default(0),
  fill: colorSchema.optional(),
  stroke: colorSchema.optional(),
  strokeWidth: nonNegative.default(0),
});

const circle = z.strictObject({
  ...base,
  type: z.literal('circle'),
  radius: nonNegative,
  fill: colorSchema.optional(),
  stroke: colorSchema.optional(),
  strokeWidth: nonNegative.default(0),
});

const polygon = z.strictObject({
  ...base,
  type: z.literal('polygon'),
  points: z.array(point2).min(3).max(10_000),
  fill: colorSchema.optional(),
  stroke: colorSchema.optional(),
  strokeWidth: nonNegative.default(0),
});

const line = z.strictObject({
  ...base,
  type: z.literal('line'),
  points: z.array(point2).min(2).max(100_000),
  color: colorSchema.default('$foreground'),
  width: positive.default(0.05),
  arrow: z.enum(['none', 'start', 'end', 'both']).default('none'),
  dash: z.tuple([positive, positive]).optional(),
  /** Fraction of the line drawn, 0..1: tween it to draw the line on. */
  progress: finite.min(0).max(1).default(1),
});

const text = z.strictObject({
  ...base,
  type: z.literal('text'),
  text: z.string().max(2000),
  size: positive.default(0.5),
  color: colorSchema.default('$foreground'),
  font: z.enum(['sans', 'mono']).default('sans'),
  weight: z.union([z.literal(400), z.literal(600), z.literal(700)]).default(400),
  align: z.enum(['left', 'center', 'right']).default('center'),
  /** Wraps onto several lines past this width (world units). */
  maxWidth: positive.optional(),
  background: colorSchema.optional(),
});

const math = z.strictObject({
  ...base,
  type: z.literal('math'),
  latex: z.string().min(1).max(2000),
  size: positive.default(0.6),
  color: colorSchema.default('$foreground'),
});

const axes = z.strictObject({
  ...base,
  type: z.literal('axes'),
  width: positive,
  height: positive,
  xRange: z.tuple([finite, finite]),
  yRange: z.tuple([finite, finite]),
  xStep: positive.optional(),
  yStep: positive.optional(),
  grid: z.boolean().default(true),
  labels: z.boolean().default(true),
  xLabel: z.string().max(100).optional(),
  yLabel: z.string().max(100).optional(),
  color: colorSchema.default('$muted'),
  progress: finite.min(0).max(1).default(1),
});

const plot = z.strictObject({
  ...base,
  type: z.literal('plot'),
  /** The axes object whose data coordinates `points` are in. */
  axes: idSchema,
  /** Samples in data coordinates; null breaks the curve (asymptotes, undefined points). */
  points: z.array(point2.nullable()).min(2).max(100_000),
  color: colorSchema.default('$primary'),
  width: positive.default(0.06),
  progress: finite.min(0).max(1).default(1),
});

const bar = z.strictObject({
  ...base,
  type: z.literal('bar'),
  /** (x, y) is the middle of the bar's base. */
  width: positive,
  height: nonNegative,
  fill: colorSchema.default('$primary'),
  label: z.string().max(100).optional(),
  labelColor: colorSchema.default('$foreground'),
  cornerRadius: nonNegative.default(0.06),
});

const node = z.strictObject({
  ...base,
  type: z.literal('node'),
  radius: positive.default(0.4),
  label: z.string().max(100).default(''),
  fill: colorSchema.default('$surface'),
  stroke: colorSchema.default('$primary'),
  strokeWidth: nonNegative.default(0.06),
  labelColor: colorSchema.default('$foreground'),
});

const edge = z.strictObject({
  ...base,
  type: z.literal('edge'),
  from: idSchema,
  to: idSchema,
  directed: z.boolean().default(false),
  label: z.string().max(100).optional(),
  color: colorSchema.default('$muted'),
  width: positive.default(0.05),
  progress: finite.min(0).max(1).default(1),
});

export const MESH_SHAPES = ['sphere', 'box', 'cylinder', 'cone', 'torus', 'pyramid', 'tetrahedron', 'octahedron', 'dodecahedron', 'icosahedron'] as const;

const mesh = z.strictObject({
  ...base,
  type: z.literal('mesh'),
  shape: z.enum(MESH_SHAPES),
  radius: positive.default(1),
  height: positive.default(1),
  width: positive.default(1),
  depth: positive.default(1),
  /** For cylinders drawn between two points (bonds): overrides position and orientation. */
  from: point3.optional(),
  to: point3.optional(),
  color: colorSchema.default('$primary'),
  metalness: finite.min(0).max(1).default(0.1),
  roughness: finite.min(0).max(1).default(0.5),
  wireframe: z.boolean().default(false),
  edges: z.boolean().default(false),
  flatShading: z.boolean().default(false),
});

const group = z.strictObject({
  ...base,
  type: z.literal('group'),
});

export const objectSchema = z.discriminatedUnion('type', [rect, circle, polygon, line, text, math, axes, plot, bar, node, edge, mesh, group]);

/** A property value a tween can move: a number, a colour, or a list of numbers / points. */
const tweenValue = z.union([finite, z.string(), z.array(finite), z.array(point2)]);

const timed = {
  target: idSchema,
  start: nonNegative,
  duration: nonNegative.default(0.5),
  easing: easingSchema.optional(),
};

const tween = z.strictObject({
  ...timed,
  type: z.literal('tween'),
  property: z.string().min(1).max(40),
  from: tweenValue.optional(),
  to: tweenValue,
});

const set = z.strictObject({
  type: z.literal('set'),
  target: idSchema,
  at: nonNegative,
  property: z.string().min(1).max(40),
  value: z.union([tweenValue, z.boolean()]),
});

const appear = z.strictObject({
  type: z.literal('appear'),
  target: idSchema,
  at: nonNegative,
  duration: nonNegative.default(0.4),
  effect: z.enum(['fade', 'grow', 'draw']).default('fade'),
});

const disappear = z.strictObject({
  type: z.literal('disappear'),
  target: idSchema,
  at: nonNegative,
  duration: nonNegative.default(0.4),
});

const highlight = z.strictObject({
  type: z.literal('highlight'),
  target: idSchema,
  at: nonNegative,
  duration: positive.default(0.6),
  color: colorSchema.default('$highlight'),
});

const move = z.strictObject({
  ...timed,
  type: z.literal('move'),
  to: z.strictObject({ x: finite.optional(), y: finite.optional(), z: finite.optional() }),
  /** An arc lifts the object by this many units half-way (swaps read better as arcs). */
  arc: finite.default(0),
});

const morph = z.strictObject({
  ...timed,
  type: z.literal('morph'),
  points: z.array(point2).min(2),
});

export const timelineEntrySchema = z.discriminatedUnion('type', [tween, set, appear, disappear, highlight, move, morph]);

const orthographic = z.strictObject({
  type: z.literal('orthographic'),
  x: finite.default(0),
  y: finite.default(0),
  zoom: positive.default(1),
});

const perspective = z.strictObject({
  type: z.literal('perspective'),
  fov: finite.min(5).max(150).default(45),
  x: finite.default(0),
  y: finite.default(0),
  z: finite.default(10),
  targetX: finite.default(0),
  targetY: finite.default(0),
  targetZ: finite.default(0),
});

export const cameraSchema = z.discriminatedUnion('type', [orthographic, perspective]);

/** How a narrated step shows what it talks about (see docs/emphasis.md). */
export const EMPHASIS_KINDS = ['surround', 'flash', 'dim-rest', 'pointer'] as const;
export type EmphasisKind = (typeof EMPHASIS_KINDS)[number];

/**
 * The one highlight of a step with refs: its kind and, once composed, its window. The timeline entries and
 * helper objects (ids `emph.<step>…`) that draw it are composed from this, so the player needs nothing new.
 */
const emphasisSchema = z.strictObject({
  kind: z.enum(EMPHASIS_KINDS, { error: (issue) => `unknown emphasis ${JSON.stringify(issue.input)} (known: ${EMPHASIS_KINDS.join(', ')})` }),
  start: nonNegative.optional(),
  duration: positive.optional(),
});

/** Words of a step's text drawn in the colour of the object they name (the caption band's coloured runs). */
const termSchema = z.strictObject({
  text: z.string().min(1).max(100),
  ref: idSchema,
});

/** One step of the narration: what is said (and captioned) from `start` for `duration` seconds. */
const narrationStepSchema = z.strictObject({
  id: idSchema.optional(),
  start: nonNegative,
  duration: positive,
  text: z.string().min(1).max(500),
  /** Ids of the objects the step talks about (what a highlight or pointer would show). */
  refs: z.array(idSchema).max(100).default([]),
  emphasis: emphasisSchema.optional(),
  terms: z.array(termSchema).max(20).optional(),
});

export const narrationSchema = z.strictObject({
  steps: z.array(narrationStepSchema).max(1000).default([]),
});

/** Where the narration is shown: in the frame (burn_in), as the .vtt file only (sidecar), or both. */
export const CAPTION_MODES = ['burn_in', 'sidecar', 'both'] as const;
export type CaptionMode = (typeof CAPTION_MODES)[number];

export const captionsSchema = z.strictObject({
  mode: z.enum(CAPTION_MODES, { error: (issue) => `unknown captions mode ${JSON.stringify(issue.input)} (known: ${CAPTION_MODES.join(', ')})` }).default('burn_in'),
  /** The band's place in the frame; only the lower third for now. */
  position: z.enum(['bottom']).default('bottom'),
});

/**
 * The voice-over: the narration spoken by an offline text-to-speech voice and mixed into the video. Optional, and
 * absent means none, so scenes stored before it existed stay valid. Which names exist depends on the machine
 * (the renderer checks); the spec only checks the name's form.
 */
export const voiceSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'a voice name is 1-64 letters, digits, _ or - (devforge voices lists them)' }),
});

export const metaSchema = z.strictObject({
  template: z.string().max(100).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  facts: z.record(z.string(), z.unknown()).optional(),
  title: z.string().max(300).optional(),
  description: z.string().max(10_000).optional(),
  /** Seconds into the animation whose frame becomes the poster (default: the last frame). */
  posterTime: nonNegative.optional(),
  /** What composing changed from the request, in words (e.g. a duration too short to read the narration). */
  warnings: z.array(z.string().max(500)).max(20).optional(),
});

export const styleSchema = z.strictObject({
  theme: z.enum(STYLE_NAMES, {
    error: (issue) => `unknown style ${JSON.stringify(issue.input)} (known: ${STYLE_NAMES.join(', ')})`,
  }),
  palette: z
    .partialRecord(
      z.enum(PALETTE_KEYS),
      colorSchema.refine((c) => !c.startsWith('$'), 'palette entries must be "#rrggbb" colours'),
    )
    .default({}),
});

export const sceneSchema = z.strictObject({
  version: z.literal(SCENE_VERSION, { error: `version must be ${SCENE_VERSION}` }),
  width: z.number().int().min(16).max(7680),
  height: z.number().int().min(16).max(4320),
  fps: z.number().int().min(1).max(120),
  duration: positive.max(600),
  background: colorSchema.default('$background'),
  style: styleSchema.default({ theme: 'mathematical', palette: {} }),
  camera: cameraSchema.default({ type: 'orthographic', x: 0, y: 0, zoom: 1 }),
  /** Seed for any randomness a scene uses (the player never calls Math.random). */
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
  objects: z.array(objectSchema).max(5000),
  timeline: z.array(timelineEntrySchema).max(50_000).default([]),
  narration: narrationSchema.default({ steps: [] }),
  captions: captionsSchema.default({ mode: 'burn_in', position: 'bottom' }),
  voice: voiceSchema.optional(),
  meta: metaSchema.default({}),
});

export type SceneInput = z.input<typeof sceneSchema>;
export type Scene = z.output<typeof sceneSchema>;
export type SceneObject = z.output<typeof objectSchema>;
export type SceneObjectType = SceneObject['type'];
export type TimelineEntry = z.output<typeof timelineEntrySchema>;
export type Camera = z.output<typeof cameraSchema>;
export type NarrationStep = z.output<typeof narrationStepSchema>;
export type VoiceChoice = z.output<typeof voiceSchema>;
export type NarrationStepInput = z.input<typeof narrationStepSchema>;
export type Emphasis = z.output<typeof emphasisSchema>;
export type Term = z.output<typeof termSchema>;
