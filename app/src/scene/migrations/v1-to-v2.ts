// Scene spec 1 → 2: the captions become a narration track. Version 1 kept them in meta.captions as
// [{ start, end, text }] and showed them only in the sidecar .vtt; version 2 has a top-level
// narration: { steps: [{ start, duration, text, refs }] } and says where captions show (captions.mode).
import type { MigrationStep, SceneJson } from './step.ts';

function captionToStep(caption: unknown): unknown {
  if (!caption || typeof caption !== 'object') return caption;
  const { start, end, text } = caption as Record<string, unknown>;
  // A malformed caption is carried over as it is, for validation to name.
  const duration = typeof start === 'number' && typeof end === 'number' ? end - start : end;
  return { start, duration, text, refs: [] };
}

/** Whether a caption starts at `end` or later (one without a numeric start does not). */
function startsFrom(caption: unknown, end: number): boolean {
  const start = (caption as { start?: unknown } | null | undefined)?.start;
  return typeof start === 'number' && start >= end;
}

export const v1ToV2: MigrationStep = {
  from: 1,
  summary: 'meta.captions [{start, end, text}] became narration.steps [{start, duration, text, refs}]; captions.mode says where they show',
  up(scene: SceneJson): SceneJson {
    const { meta, ...rest } = scene;
    let steps: unknown[] = [];
    let newMeta = meta;
    if (meta && typeof meta === 'object' && !Array.isArray(meta)) {
      const { captions, ...otherMeta } = meta as Record<string, unknown>;
      // Captions from the end of the scene on never showed (version 1's .vtt left them out); version 2
      // rejects them, so they are dropped here rather than failing the re-render of a saved animation.
      const end = typeof scene.duration === 'number' ? scene.duration : Infinity;
      if (Array.isArray(captions)) steps = (captions as unknown[]).filter((c) => !startsFrom(c, end)).map(captionToStep);
      else if (captions !== undefined) steps = captions as unknown[];
      newMeta = otherMeta;
    }
    return {
      ...rest,
      version: 2,
      narration: { steps },
      // A version-1 video showed its captions only beside it: re-rendering a saved animation must not
      // change what it looks like, so migrated scenes keep them out of the frame.
      captions: { mode: 'sidecar', position: 'bottom' },
      ...(newMeta !== undefined ? { meta: newMeta } : {}),
    };
  },
};
