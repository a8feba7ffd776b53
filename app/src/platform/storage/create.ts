// Picks the storage driver from config.
import { join, resolve } from 'node:path';
import type { DevforgeConfig } from '../../config/schema.ts';
import { LocalStorage } from './local.ts';
import { S3Storage } from './s3.ts';
import { StorageError, type ObjectStorage } from './storage.ts';

export function createStorage(config: DevforgeConfig): ObjectStorage {
  if (config.storage.driver === 's3') {
    const s3 = config.storage.s3;
    if (!s3.endpoint) throw new StorageError('storage.driver is s3 but storage.s3.endpoint (DEVFORGE_S3_ENDPOINT) is empty');
    return new S3Storage(s3);
  }
  return new LocalStorage(config.storage.localDir || join(resolve(config.data.dir), 'objects'));
}

/** Where an animation's outputs live. The same keys on every attempt: a retry overwrites. */
export function outputKeys(animationId: string) {
  const base = `animations/${animationId}`;
  return { prefix: base, video: `${base}/video.mp4`, poster: `${base}/poster.png`, captions: `${base}/captions.vtt` };
}
