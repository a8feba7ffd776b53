// Packs archive entries (text, or streams opened one at a time) into a zip, streamed to the caller.
//
// No zip library is a dependency yet, so this uses Info-ZIP's `zip` (the Debian package zip), the way
// the renderer uses ffmpeg: each entry is streamed to a private staging folder under the data
// directory (memory stays bounded whatever the sizes), then `zip` writes the archive to its stdout,
// which is what the caller reads; the folder is removed when the stream ends, fails or is abandoned.
// A streaming zip library (yazl) would make the staging copy unnecessary: swapping it in is a change
// to this file only (docs/data-rights.md).
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { findBinary } from '../../util/find-binary.ts';

export interface ArchiveEntry {
  /** Path inside the archive, `/`-separated, relative. */
  path: string;
  content: string | (() => Promise<Readable>);
}

/** Entries zip stores as they are: formats that are compressed already. */
const STORED_SUFFIXES = '.mp4:.png:.jpg:.webm:.zip:.gz';

/**
 * Why an archive could not be made: `unavailable`, the zip program is missing (an installation
 * problem); `source`, an entry could not be read (its stream failed: storage down, for one).
 */
export class ArchiveError extends Error {
  override name = 'ArchiveError';
  readonly kind: 'unavailable' | 'source';

  constructor(kind: 'unavailable' | 'source', message: string, options?: ErrorOptions) {
    super(message, options);
    this.kind = kind;
  }
}

/** The `zip` program, or an error saying how to install it. */
function zipBinary(): string {
  const found = findBinary('zip');
  if (!found) throw new ArchiveError('unavailable', 'the zip program is not installed; install it (Debian: apt-get install zip) to export user data');
  return found;
}

/** Where an entry goes in the staging folder; entry paths are made by the platform, but must never leave it. */
function stagedPath(root: string, path: string): string {
  const target = resolve(root, path);
  if (!path || path.startsWith('/') || !target.startsWith(root + sep)) throw new Error(`invalid archive path "${path}"`);
  return target;
}

/**
 * The zip of `entries`, in their order. Staging happens before this resolves, so a failure to read an
 * entry (storage down) rejects here and the caller can still answer with an error; after that, a
 * failure of `zip` itself ends the stream with an error.
 */
export async function zipEntries(entries: AsyncIterable<ArchiveEntry>, workDir: string): Promise<Readable> {
  const zip = zipBinary();
  await mkdir(workDir, { recursive: true, mode: 0o700 });
  const root = await mkdtemp(join(resolve(workDir), 'export-'));
  const names: string[] = [];
  let current = 'the first entry';
  try {
    for await (const entry of entries) {
      current = entry.path;
      const target = stagedPath(root, entry.path);
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      if (typeof entry.content === 'string') await writeFile(target, entry.content, { mode: 0o600 });
      else await pipeline(await entry.content(), createWriteStream(target, { mode: 0o600 }));
      names.push(entry.path);
      current = `the entry after ${entry.path}`;
    }
  } catch (err) {
    await rm(root, { recursive: true, force: true });
    // The cause (an address, a driver's message) is for the log, not for whoever asked for the archive.
    throw new ArchiveError('source', `reading ${current} failed`, { cause: err });
  }
  // -X: no extra file attributes (owner ids, times beyond the DOS one); -D: no directory entries;
  // -n: store, not deflate, what is compressed already (deflating a video costs CPU and saves nothing);
  // -@: the names from stdin, so the archive keeps the entries' order; "-": the archive to stdout.
  const child = spawn(zip, ['-q', '-X', '-D', '-n', STORED_SUFFIXES, '-@', '-'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  // zip dying early would make this write fail with EPIPE; its exit status (below) says why.
  child.stdin.on('error', () => {});
  child.stdin.end(names.join('\n') + '\n');
  const out = child.stdout;
  let cleaned = false;
  const cleanup = () => {
    if (cleaned) return;
    cleaned = true;
    rm(root, { recursive: true, force: true }).catch(() => {});
  };
  child.on('close', (code) => {
    if (code !== 0 && code !== null) out.destroy(new Error(`zip exited with status ${code}: ${stderr.trim()}`));
    cleanup();
  });
  child.on('error', (err) => {
    out.destroy(err);
    cleanup();
  });
  // The client went away before the end: stop zip; its close cleans up.
  out.on('close', () => {
    if (!out.readableEnded && child.exitCode === null) child.kill('SIGTERM');
  });
  return out;
}
