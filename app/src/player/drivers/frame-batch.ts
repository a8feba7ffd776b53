// Frames leave the page in batches: one POST carries several frames (or repeat counts), its entries
// described in a header, their pixels one after the other in the body. Each request costs Chromium's
// renderer, browser and network processes and the host about 2.6 ms of CPU whatever its size, which
// on a 2-core machine was a tenth of an explainer's export; batching pays it once per few frames.
import type { PixelRect } from '../dirty-region.ts';

/** One entry of a batch; `bytes` of pixels in the body belong to each frame, in order. */
export type BatchEntry = { kind: 'frame'; index: number; bytes: number; rects?: PixelRect[] } | { kind: 'repeat'; index: number; count: number };

/** The request header that lists a batch's entries (JSON). */
export const BATCH_HEADER = 'x-devforge-frames';

export interface BatchLimits {
  /** Send once this many entries wait. */
  maxEntries: number;
  /** Send once this many bytes of pixels wait (a whole 1080p frame goes on its own). */
  maxBytes: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxEntries: 8, maxBytes: 4 * 1024 * 1024 };

/** Collects entries and hands full batches to `send`, which should resolve once the host has them. */
export class FrameBatcher {
  private entries: BatchEntry[] = [];
  private parts: Uint8Array<ArrayBuffer>[] = [];
  private bytes = 0;
  private readonly limits: BatchLimits;
  private readonly send: (entries: BatchEntry[], body: Uint8Array<ArrayBuffer> | undefined) => Promise<void>;

  constructor(send: (entries: BatchEntry[], body: Uint8Array<ArrayBuffer> | undefined) => Promise<void>, limits: BatchLimits = DEFAULT_BATCH_LIMITS) {
    this.send = send;
    this.limits = limits;
  }

  /** Adds a drawn frame; returns the send of the batch it filled, if it filled one. */
  frame(index: number, pixels: Uint8Array<ArrayBuffer>, rects?: PixelRect[]): Promise<void> | undefined {
    this.entries.push(rects ? { kind: 'frame', index, bytes: pixels.length, rects } : { kind: 'frame', index, bytes: pixels.length });
    this.parts.push(pixels);
    this.bytes += pixels.length;
    return this.full() ? this.flush() : undefined;
  }

  /** Adds `count` repeats of the last frame from `index` on. */
  repeat(index: number, count: number): Promise<void> | undefined {
    this.entries.push({ kind: 'repeat', index, count });
    return this.full() ? this.flush() : undefined;
  }

  /** Sends what waits (if anything). */
  flush(): Promise<void> | undefined {
    if (this.entries.length === 0) return undefined;
    const entries = this.entries;
    const body = this.parts.length === 0 ? undefined : this.parts.length === 1 ? this.parts[0]! : concat(this.parts, this.bytes);
    this.entries = [];
    this.parts = [];
    this.bytes = 0;
    return this.send(entries, body);
  }

  private full(): boolean {
    return this.entries.length >= this.limits.maxEntries || this.bytes >= this.limits.maxBytes;
  }
}

function concat(parts: Uint8Array<ArrayBuffer>[], total: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** The host's check of a batch header: entries well formed, in order, and adding up to the body. */
export function parseBatch(header: string | undefined, bodyBytes: number): BatchEntry[] {
  if (!header) throw new Error(`missing ${BATCH_HEADER} header`);
  let entries: unknown;
  try {
    entries = JSON.parse(header);
  } catch {
    throw new Error(`${BATCH_HEADER} is not JSON`);
  }
  if (!Array.isArray(entries) || entries.length === 0) throw new Error(`${BATCH_HEADER} must list at least one entry`);
  const count = (v: unknown, min: number) => Number.isInteger(v) && (v as number) >= min;
  let bytes = 0;
  let next = -1;
  for (const e of entries as Record<string, unknown>[]) {
    if (!e || typeof e !== 'object' || !count(e.index, 0) || (next >= 0 && e.index !== next)) throw new Error(`batch entry ${JSON.stringify(e)} is malformed or out of order`);
    if (e.kind === 'frame' && count(e.bytes, 1) && (e.rects === undefined || isRects(e.rects))) {
      bytes += e.bytes as number;
      next = (e.index as number) + 1;
    } else if (e.kind === 'repeat' && count(e.count, 1)) {
      next = (e.index as number) + (e.count as number);
    } else throw new Error(`batch entry ${JSON.stringify(e)} is malformed`);
  }
  if (bytes !== bodyBytes) throw new Error(`batch lists ${bytes} bytes of pixels but carries ${bodyBytes}`);
  return entries as BatchEntry[];
}

function isRects(v: unknown): v is PixelRect[] {
  return Array.isArray(v) && v.length > 0 && v.every((r) => r && typeof r === 'object' && ['x', 'y', 'width', 'height'].every((k) => Number.isInteger((r as Record<string, unknown>)[k])));
}

/** Frames a batch covers: its first index and how many it spans. */
export function batchSpan(entries: BatchEntry[]): { first: number; span: number } {
  const first = entries[0]!.index;
  const last = entries[entries.length - 1]!;
  return { first, span: (last.kind === 'frame' ? last.index + 1 : last.index + last.count) - first };
}
