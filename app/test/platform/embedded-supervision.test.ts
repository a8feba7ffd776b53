// The embedded Postgres is supervised: its postmaster killed with SIGKILL (as the OOM killer would) is
// started again by the server on the same port, the log says so, /metrics counts it, and requests
// succeed again in the same process without anyone stepping in. Polls with a deadline, never a timing assert.
import test from 'ava';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call } from './helpers/http.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

let dataDir: string;
let server: TestServer | undefined;

test.before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'devforge-supervised-'));
});

test.after.always(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function postmasterPid(): Promise<number> {
  return Number((await readFile(join(dataDir, 'postgres', 'data', 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, deadlineMs = 90_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

test.serial('a killed postmaster is restarted and the API serves again', async (t) => {
  server = await startTestServer({ dataDir, overrides: { server: { role: 'api' } } });
  const key = await server.key('editor');
  t.is((await call(server.url, 'GET', '/api/v1/me', { key })).status, 200);
  const ready = await call(server.url, 'GET', '/readyz');
  t.true(ready.json.checks['embedded-postgres'].ok, '/readyz shows the embedded Postgres');

  const killed = await postmasterPid();
  process.kill(killed, 'SIGKILL');
  // A restart writes a new postmaster.pid; then the same process answers again.
  const restarted = await until('a new postmaster', async () => {
    const pid = await postmasterPid();
    return pid !== killed ? pid : undefined;
  });
  t.not(restarted, killed);
  const me = await until('the API to answer again', async () => {
    const r = await call(server!.url, 'GET', '/api/v1/me', { key });
    return r.status === 200 ? r : undefined;
  });
  t.is(me.json.role, 'editor');
  const made = await until('a generate to be accepted', async () => {
    const r = await call(server!.url, 'POST', '/api/v1/animations/generate', { key, body: { description: 'Demonstrate bubble sort on 4 2 3', quality: '720p', duration: 2 } });
    return r.status === 202 ? r : undefined;
  });
  t.is(made.status, 202, 'writes work again too');
  await until('/readyz to be ready', async () => ((await call(server!.url, 'GET', '/readyz')).status === 200 ? true : undefined));

  const logs = server.logs.join('\n');
  t.log(server.logs.filter((l) => l.includes('embedded postgres:')).join('\n'));
  t.regex(logs, /embedded postgres: the postmaster is gone \(port \d+\); restarting it/);
  t.regex(logs, /embedded postgres: running again on port \d+ after \d+ attempt\(s\)/);
  const metrics = await call(server.url, 'GET', '/metrics', { key: await server.key('admin') });
  t.regex(metrics.text, /^devforge_embedded_postgres_restarts_total 1$/m);
});
