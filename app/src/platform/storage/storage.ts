// One interface for object storage; two drivers (local disk for embedded mode, S3 for production).
// Keys are plain paths like "animations/<id>/video.mp4": writing a key again overwrites it, which is
// what makes a retried render idempotent.
import type { Readable } from 'node:stream';

export interface ObjectInfo {
  size: number;
  contentType: string;
}

export interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

export interface ObjectStorage {
  readonly kind: 'local' | 's3';
  /** Creates the directory or bucket when missing (start-up). */
  ensureReady(): Promise<void>;
  /** Throws when the store cannot be reached (readiness probe). */
  ping(): Promise<void>;
  /** Streams a local file to `key`, replacing what was there. */
  putFile(key: string, file: string, contentType: string): Promise<ObjectInfo>;
  stat(key: string): Promise<ObjectInfo | undefined>;
  read(key: string, range?: ByteRange): Promise<Readable>;
  /** A time-limited URL clients may download from directly, when the driver offers one. */
  downloadUrl(key: string, filename: string): Promise<string | undefined>;
  /** Removes every object whose key starts with `prefix`. */
  deletePrefix(prefix: string): Promise<void>;
}

export class StorageError extends Error {
  override name = 'StorageError';
}

/** Keys are made by us, but a bad one must never escape the store's root. */
export function checkKey(key: string): string {
  if (!/^[a-z0-9][a-z0-9._/-]*$/i.test(key) || key.split('/').some((part) => part === '..' || part === '.' || part === '')) {
    throw new StorageError(`invalid object key "${key}"`);
  }
  return key;
}
