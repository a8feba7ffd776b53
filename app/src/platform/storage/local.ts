// Local-disk object storage (embedded mode): one file per key under a root directory. Writes go to a
// temporary file first and are renamed into place, so a reader never sees half an object.
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat, access, constants } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { checkKey, type ByteRange, type ObjectInfo, type ObjectStorage } from './storage.ts';

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
    await mkdir(this.root, { recursive: true });
  }

  async ping(): Promise<void> {
    await access(this.root, constants.W_OK);
  }

  async putFile(key: string, file: string, _contentType: string): Promise<ObjectInfo> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    const partial = `${target}.${randomUUID()}.partial`;
    try {
      await copyFile(file, partial);
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
