// Reusable buffers for frame uploads. A render receives hundreds of bodies of up to 8 MB (one per
// drawn 1080p frame); allocating each afresh made V8 run a full garbage collection every few frames
// to account for the external memory. Buffers go back to the pool once their frame has been used.

/** Capacity is rounded up to this, so bodies of similar size (changed rectangles vary) share buffers. */
const GRANULE = 256 * 1024;

export class BufferPool {
  private readonly free: Buffer[] = [];
  /** Memory this pool handed out: anything else given back is ignored, never reused. */
  private readonly mine = new WeakSet<ArrayBufferLike>();
  private readonly maxFree: number;

  constructor(maxFree = 8) {
    this.maxFree = maxFree;
  }

  /** A buffer of exactly `size` bytes, contents undefined. Give it back with `give` when done. */
  take(size: number): Buffer {
    let best = -1;
    for (let i = 0; i < this.free.length; i++) {
      const capacity = this.free[i]!.length;
      if (capacity >= size && (best < 0 || capacity < this.free[best]!.length)) best = i;
    }
    const backing = best >= 0 ? this.free.splice(best, 1)[0]! : Buffer.allocUnsafeSlow(Math.max(GRANULE, Math.ceil(size / GRANULE) * GRANULE));
    this.mine.add(backing.buffer);
    return backing.subarray(0, size);
  }

  /** Returns a buffer from `take` to the pool; the caller must not touch it afterwards. */
  give(buffer: Buffer): void {
    if (!this.mine.has(buffer.buffer)) return;
    const backing = Buffer.from(buffer.buffer, 0, buffer.buffer.byteLength);
    if (this.free.length < this.maxFree) this.free.push(backing);
    else {
      // Full: keep the largest buffers, which serve any request.
      const smallest = this.free.reduce((s, b, i) => (b.length < this.free[s]!.length ? i : s), 0);
      if (this.free[smallest]!.length < backing.length) this.free[smallest] = backing;
    }
  }
}
