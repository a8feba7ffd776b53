// Runs ffmpeg: the one place it is spawned. Frames are written to stdin with backpressure.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { findBinary } from '../util/find-binary.ts';

export class MissingToolError extends Error {
  override name = 'MissingToolError';
}

/** The ffmpeg binary, or an error that says which package to install and which key to set. */
export function requireFfmpeg(configured: string, tool: 'ffmpeg' | 'ffprobe' = 'ffmpeg'): string {
  const found = findBinary(configured);
  if (found) return found;
  const key = tool === 'ffmpeg' ? 'ffmpeg.path (DEVFORGE_FFMPEG_PATH)' : 'ffmpeg.ffprobePath (DEVFORGE_FFPROBE_PATH)';
  throw new MissingToolError(`${tool} not found (looked for "${configured}"): install it with "apt-get install ffmpeg", or set ${key} to its path`);
}

export class FfmpegProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private stderr = '';
  private readonly exited: Promise<number | null>;
  private spawnError: Error | undefined;

  constructor(binary: string, args: string[]) {
    this.child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (d: string) => {
      // Keep the tail only: a failing encode can print a lot.
      this.stderr = (this.stderr + d).slice(-8000);
    });
    this.child.stdout.resume();
    // EPIPE when ffmpeg dies early surfaces through `finish()` with ffmpeg's own message.
    this.child.stdin.on('error', () => {});
    this.exited = new Promise((resolve) => {
      this.child.on('error', (err) => {
        this.spawnError = err;
        resolve(null);
      });
      this.child.on('close', (code) => resolve(code));
    });
  }

  /**
   * Writes one frame; resolves once it has been handed to ffmpeg's pipe, so memory stays bounded and
   * the caller may reuse the buffer.
   */
  write(frame: Uint8Array): Promise<void> {
    if (this.child.stdin.destroyed || this.child.exitCode !== null) return Promise.reject(this.failure('ffmpeg exited while frames were still coming'));
    return new Promise((resolve, reject) => {
      const onClose = () => reject(this.failure('ffmpeg exited while frames were still coming'));
      this.child.once('close', onClose);
      this.child.stdin.write(frame, (err) => {
        this.child.off('close', onClose);
        if (err) reject(this.failure(`writing a frame to ffmpeg failed (${err.message})`));
        else resolve();
      });
    });
  }

  /** Closes stdin and waits for ffmpeg; rejects with ffmpeg's own error text when it fails. */
  async finish(): Promise<void> {
    this.child.stdin.end();
    const code = await this.exited;
    if (code !== 0) throw this.failure(`ffmpeg failed (exit ${code})`);
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }

  private failure(what: string): Error {
    if (this.spawnError) return new Error(`${what}: ${this.spawnError.message}`);
    return new Error(`${what}${this.stderr ? `: ${this.stderr.trim()}` : ''}`);
  }
}

/** Runs ffmpeg to completion with one input buffer (posters, probes). */
export async function runFfmpeg(binary: string, args: string[], input?: Uint8Array, timeoutMs = 60_000): Promise<void> {
  const proc = new FfmpegProcess(binary, args);
  const timer = setTimeout(() => proc.kill(), timeoutMs);
  try {
    if (input) await proc.write(input);
    await proc.finish();
  } finally {
    clearTimeout(timer);
  }
}
