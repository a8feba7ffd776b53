// Render progress on stderr, the way a terminal user and a log reader each expect it. On a terminal: one
// bar redrawn in place (\r) with the percentage, the frames and the time left. Not a terminal (CI, a
// service's log): a plain line per 10 % step, at most one every few seconds, and always the last one.
export interface ProgressOptions {
  write: (text: string) => void;
  /** stderr is a terminal. */
  tty: boolean;
  /** Terminal width, to keep the bar on one line. */
  columns?: number;
  /** Milliseconds; the clock is handed in so the throttling can be tested without waiting. */
  now?: () => number;
}

const REDRAW_MS = 100;
const LINE_MS = 3_000;
const BAR = 24;

/** "8 s", "2 min 05 s": how long, as someone waiting reads it. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

export class RenderProgress {
  private readonly options: ProgressOptions;
  private readonly now: () => number;
  private started: number | undefined;
  private lastDraw = -Infinity;
  private lastStep = 0;
  private drawn = false;
  private ended = false;

  constructor(options: ProgressOptions) {
    this.options = options;
    this.now = options.now ?? (() => performance.now());
  }

  /** The time left, once enough frames are done to say. */
  private left(done: number, total: number, elapsedMs: number): string | undefined {
    if (done <= 0 || done >= total || elapsedMs < 1_000) return undefined;
    return formatDuration(((elapsedMs / done) * (total - done)) / 1000);
  }

  update(done: number, total: number): void {
    const now = this.now();
    this.started ??= now;
    const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
    const last = done >= total;
    const left = this.left(done, total, now - this.started);
    if (this.options.tty) {
      if (!last && now - this.lastDraw < REDRAW_MS) return;
      this.lastDraw = now;
      const filled = Math.round((BAR * percent) / 100);
      let line = `[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${String(percent).padStart(3)}%  ${done}/${total} frames${left ? `  ETA ${left}` : ''}`;
      if (this.options.columns && line.length >= this.options.columns) line = line.slice(0, this.options.columns - 1);
      // \x1b[K clears what a longer line before left behind.
      this.options.write(`\r${line}\x1b[K`);
      this.drawn = true;
      return;
    }
    // The first line waits LINE_MS too: a render of a few seconds logs only its last line.
    if (this.lastDraw === -Infinity) this.lastDraw = now;
    const step = Math.floor(percent / 10);
    if (this.ended) return;
    if (last) this.ended = true;
    else if (step <= this.lastStep || now - this.lastDraw < LINE_MS) return;
    this.lastStep = step;
    this.lastDraw = now;
    this.options.write(`rendered ${done}/${total} frames (${percent}%)${left ? `, about ${left} left` : ''}\n`);
  }

  /** Ends the bar's line, so what follows starts on a line of its own. */
  finish(): void {
    if (this.drawn) this.options.write('\n');
    this.drawn = false;
  }
}
