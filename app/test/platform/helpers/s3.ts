// An S3 endpoint for tests: s3rver (S3 API over local files) on a random port, started and stopped by
// the test that needs it. It speaks the same protocol as MinIO, Ceph or AWS to the minio client.
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error s3rver ships no types
import S3rver from 's3rver';

export const S3_KEY = 'S3RVER';

export interface TestS3 {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
  /** Starts it again on the same port and directory. */
  start(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startTestS3(): Promise<TestS3> {
  const directory = await mkdtemp(join(tmpdir(), 'devforge-s3-'));
  let port = 0;
  let server: { run(): Promise<AddressInfo>; close(): Promise<void> } | undefined;
  const start = async () => {
    server = new S3rver({ port, address: '127.0.0.1', silent: true, directory, resetOnClose: false });
    port = (await server!.run()).port;
  };
  await start();
  const stop = async () => {
    await server?.close();
    server = undefined;
  };
  return {
    get endpoint() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    stop,
    start,
    destroy: async () => {
      await stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
