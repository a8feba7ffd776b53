// Local-disk object storage (embedded mode): one file per key under a root directory. Writes go to a
// temporary file first and are renamed into place, so a reader never sees half an object.
//
// The videos are the customers' data: directories are 0700 and files 0600, set explicitly so the
// umask does not decide, and only the DevForge account reads them. Nothing else needs to: every
// download goes through the API, which checks the policy and records it in the audit log (a proxy
// serving the files straight from disk would skip both, so there is no group-readable mode).
import { createReadStream } from 'node:fs';
import { chmod, copyFile, mkdir, rename, rm, stat, access, constants } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { checkKey, type ByteRange, type ObjectInfo, type ObjectStorage } from './storage.ts';

const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

const TYPES: Record<string, string> = { mp4: 'video/mp4', png: 'image/png', vtt: 'text/vtt; charset=utf-8', json: 'application/json' };

function contentTypeOf(key: string): string {
  return TYPES[key.split('.').pop() ?? ''] ?? 'application/octet-stream';
}

export class LocalStorage implements ObjectStorage {
  readonly kind = 'local' as const;
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private path(key: string): string {
    return join(this.root, checkKey(key));
  }

  async ensureReady(): Promise<void> {
    await mkdir(this.root, { recursive: true, mode: DIR_MODE });
    // Also an existing root (older versions made it 0755): closing it closes everything below it.
    await chmod(this.root, DIR_MODE);
  }

  /** Creates the directories from the root down to `dir`, each 0700 whatever the umask. */
  private async makeDirs(dir: string): Promise<void> {
    let path = this.root;
    for (const part of relative(this.root, dir).split(sep).filter(Boolean)) {
      path = join(path, part);
      try {
        await mkdir(path, { mode: DIR_MODE });
        await chmod(path, DIR_MODE);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
    }
  }

  async ping(): Promise<void> {
    await access(this.root, constants.W_OK);
  }

  async putFile(key: string, file: string, _contentType: string): Promise<ObjectInfo> {
    const target = this.path(key);
    await this.makeDirs(dirname(target));
    const partial = `${target}.${randomUUID()}.partial`;
    try {
      await copyFile(file, partial);
      await chmod(partial, FILE_MODE);
      await rename(partial, target);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
    return (await this.stat(key))!;
  }

  async stat(key: string): Promise<ObjectInfo | undefined> {
    try {
      const info = await stat(this.path(key));
      return { size: info.size, contentType: contentTypeOf(key) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  read(key: string, range?: ByteRange): Promise<Readable> {
    // Nothing to await, but a bad key still rejects rather than throws: the executor's throw rejects the promise.
    return new Promise((resolve) => resolve(createReadStream(this.path(key), range ? { start: range.start, end: range.end } : {})));
  }

  downloadUrl(): Promise<string | undefined> {
    // No presigned URL for a local file: the API streams it itself.
    return Promise.resolve(undefined);
  }

  async deletePrefix(prefix: string): Promise<void> {
    await rm(this.path(prefix.replace(/\/$/, '')), { recursive: true, force: true });
  }
}
