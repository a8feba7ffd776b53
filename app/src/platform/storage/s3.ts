// S3 object storage through the `minio` client. Only plain S3 calls are used (no MinIO admin API), so
// any S3 endpoint works: MinIO, SeaweedFS, Ceph RGW, NetApp, AWS.
import * as Minio from 'minio';
import type { Readable } from 'node:stream';
import { checkKey, StorageError, type ByteRange, type ObjectInfo, type ObjectStorage } from './storage.ts';

export interface S3Options {
  endpoint: string;
  region: string;
  bucket: string;
  accessKey: string;
  secretKey: string;
  pathStyle: boolean;
  presignedDownloads: boolean;
  presignExpiryS: number;
}

export function s3Client(opts: S3Options): Minio.Client {
  let url: URL;
  try {
    url = new URL(opts.endpoint);
  } catch {
    throw new StorageError(`storage.s3.endpoint "${opts.endpoint}" is not a URL (e.g. http://minio:9000)`);
  }
  const useSSL = url.protocol === 'https:';
  return new Minio.Client({
    endPoint: url.hostname,
    port: url.port ? Number(url.port) : useSSL ? 443 : 80,
    useSSL,
    region: opts.region,
    accessKey: opts.accessKey,
    secretKey: opts.secretKey,
    pathStyle: opts.pathStyle,
  });
}

function isMissing(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'NotFound' || code === 'NoSuchKey';
}

export class S3Storage implements ObjectStorage {
  readonly kind = 's3' as const;
  private readonly client: Minio.Client;
  private readonly opts: S3Options;

  constructor(opts: S3Options) {
    this.opts = opts;
    this.client = s3Client(opts);
  }

  async ensureReady(): Promise<void> {
    if (!(await this.client.bucketExists(this.opts.bucket))) {
      try {
        await this.client.makeBucket(this.opts.bucket, this.opts.region);
      } catch (err) {
        // Another process may have created it in between.
        const code = (err as { code?: string }).code;
        if (code !== 'BucketAlreadyOwnedByYou' && code !== 'BucketAlreadyExists') throw err;
      }
    }
  }

  async ping(): Promise<void> {
    if (!(await this.client.bucketExists(this.opts.bucket))) throw new StorageError(`bucket ${this.opts.bucket} does not exist`);
  }

  async putFile(key: string, file: string, contentType: string): Promise<ObjectInfo> {
    // fPutObject streams the file, in multipart uploads when it is large.
    await this.client.fPutObject(this.opts.bucket, checkKey(key), file, { 'Content-Type': contentType });
    return (await this.stat(key))!;
  }

  async stat(key: string): Promise<ObjectInfo | undefined> {
    try {
      const info = await this.client.statObject(this.opts.bucket, checkKey(key));
      return { size: info.size, contentType: String(info.metaData?.['content-type'] ?? 'application/octet-stream') };
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    if (!range) return this.client.getObject(this.opts.bucket, checkKey(key));
    return this.client.getPartialObject(this.opts.bucket, checkKey(key), range.start, range.end - range.start + 1);
  }

  async downloadUrl(key: string, filename: string): Promise<string | undefined> {
    if (!this.opts.presignedDownloads) return undefined;
    return this.client.presignedGetObject(this.opts.bucket, checkKey(key), this.opts.presignExpiryS, {
      'response-content-disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
    });
  }

  async deletePrefix(prefix: string): Promise<void> {
    const names: string[] = [];
    const items: AsyncIterable<Minio.BucketItem> = this.client.listObjectsV2(this.opts.bucket, checkKey(prefix.replace(/\/$/, '')) + '/', true);
    for await (const item of items) {
      if (item.name) names.push(item.name);
    }
    if (names.length) await this.client.removeObjects(this.opts.bucket, names);
  }
}
