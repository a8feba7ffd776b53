// Test stand-in for MinIO (compose/test-stand-ins.yaml): s3rver, an S3 server over local files, in the
// stand-ins image, because MinIO's image cannot be built or pulled on machines without a registry. It speaks
// the S3 protocol the app's minio client uses (signed requests, path-style buckets) and checks the same access
// key and secret MinIO would (the root user/password secret files), so a wrong key fails here as it would there.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import S3rver from 's3rver';

const require = createRequire(import.meta.url);
// s3rver knows one fixed key pair; its account registry is how it accepts others.
const { DUMMY_ACCOUNT } = require('s3rver/lib/models/account.js');

// MinIO reads MINIO_ROOT_USER_FILE as a name under /run/secrets (or a path); so does this.
const secret = (name) => readFileSync(resolve('/run/secrets', process.env[name] ?? ''), 'utf8').trim();
const accessKey = secret('MINIO_ROOT_USER_FILE');
const secretKey = secret('MINIO_ROOT_PASSWORD_FILE');
DUMMY_ACCOUNT.revokeAccessKey?.('S3RVER');
DUMMY_ACCOUNT.createKeyPair(accessKey, secretKey);

// vhostBuckets off: s3rver would read the service's host name (objects) as a bucket name; the app addresses
// buckets by path (DEVFORGE_S3_PATH_STYLE), as it does with MinIO.
const server = new S3rver({ address: '0.0.0.0', port: 9000, vhostBuckets: false, directory: process.env.S3_DIR ?? '/data', silent: false, resetOnClose: false });
const { port } = await server.run();
console.log(`s3 stand-in (s3rver) listening on ${port}`);
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => server.close().then(() => process.exit(0)));
