// Which properties of which object types the timeline may change, and what kind of value each holds.
import type { SceneObjectType } from './schema.ts';

export type PropertyKind = 'number' | 'color' | 'points' | 'text' | 'boolean';

const TRANSFORM = {
  x: 'number',
  y: 'number',
  z: 'number',
  rotation: 'number',
  rotationX: 'number',
  rotationY: 'number',
  scale: 'number',
  opacity: 'number',
} as const satisfies Record<string, PropertyKind>;

const SHAPE = { fill: 'color', stroke: 'color', strokeWidth: 'number' } as const;

export const ANIMATABLE: Record<SceneObjectType, Record<string, PropertyKind>> = {
  rect: { ...TRANSFORM, ...SHAPE, width: 'number', height: 'number', cornerRadius: 'number' },
  circle: { ...TRANSFORM, ...SHAPE, radius: 'number' },
  polygon: { ...TRANSFORM, ...SHAPE, points: 'points' },
  line: { ...TRANSFORM, points: 'points', color: 'color', width: 'number', progress: 'number' },
  text: { ...TRANSFORM, text: 'text', color: 'color', size: 'number', background: 'color' },
  math: { ...TRANSFORM, latex: 'text', color: 'color', size: 'number' },
  axes: { ...TRANSFORM, color: 'color', progress: 'number' },
  plot: { ...TRANSFORM, color: 'color', width: 'number', progress: 'number', points: 'points' },
  bar: { ...TRANSFORM, width: 'number', height: 'number', fill: 'color', label: 'text', labelColor: 'color' },
  node: { ...TRANSFORM, ...SHAPE, radius: 'number', label: 'text', labelColor: 'color' },
  edge: { ...TRANSFORM, color: 'color', width: 'number', progress: 'number', label: 'text' },
  mesh: { ...TRANSFORM, color: 'color', metalness: 'number', roughness: 'number', radius: 'number' },
  group: { ...TRANSFORM },
};

/** Properties of the camera the timeline may move. */
export const CAMERA_ANIMATABLE: Record<'orthographic' | 'perspective', Record<string, PropertyKind>> = {
  orthographic: { x: 'number', y: 'number', zoom: 'number' },
  perspective: {
    x: 'number',
    y: 'number',
    z: 'number',
    targetX: 'number',
    targetY: 'number',
    targetZ: 'number',
    fov: 'number',
  },
};

/** The property a highlight recolours, per object type. */
export const HIGHLIGHT_PROPERTY: Record<SceneObjectType, string | undefined> = {
  rect: 'fill',
  circle: 'fill',
  polygon: 'fill',
  line: 'color',
  text: 'color',
  math: 'color',
  axes: 'color',
  plot: 'color',
  bar: 'fill',
  node: 'stroke',
  edge: 'color',
  mesh: 'color',
  group: undefined,
};

/** The property an appear with effect "draw" animates, where the type has one. */
export const DRAW_PROPERTY: Partial<Record<SceneObjectType, string>> = {
  line: 'progress',
  plot: 'progress',
  edge: 'progress',
  axes: 'progress',
};

export const CAMERA_ID = 'camera';
