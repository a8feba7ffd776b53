// How a render is cut into segments for several workers: whole GOPs each (a segment must start on a keyframe of
// the segment-aligned encoding), as even as whole GOPs allow, the last segment taking what is left over.

/** Frames [start, end) of a scene. */
export interface FrameRange {
  start: number;
  end: number;
}

/**
 * Up to `wanted` ranges covering frames [0, frames), each starting on a multiple of `gopFrames`. Fewer when the
 * render has fewer GOPs than that (a segment is never shorter than one GOP, except the last).
 */
export function segmentRanges(frames: number, gopFrames: number, wanted: number): FrameRange[] {
  const gops = Math.ceil(frames / gopFrames);
  const count = Math.max(1, Math.min(wanted, gops));
  const ranges: FrameRange[] = [];
  for (let i = 0; i < count; i++) {
    const start = Math.floor((gops * i) / count) * gopFrames;
    const end = Math.min(frames, Math.floor((gops * (i + 1)) / count) * gopFrames);
    ranges.push({ start, end });
  }
  return ranges;
}
