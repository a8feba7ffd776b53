// Property-based fuzzing of every JSON route the OpenAPI document lists: generated bodies and queries
// (arbitrary JSON, the route's own field names holding NUL bytes, lone surrogates, huge numbers and
// deep nesting) sent with an administrator's key. However wrong the input, the answer is never a 5xx,
// and every 4xx is a problem+json document. Bounded: RUNS cases per route.
import test from 'ava';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { call } from './helpers/http.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

const RUNS = 30;

let pg: TestPostgres;
let server: TestServer;

test.before(async () => {
  pg = await startTestPostgres();
  // The api role: a generate that passes validation is queued, never rendered.
  server = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'api' } } });
});

test.after.always(async () => {
  await server?.stop();
  await pg?.destroy();
});

interface Operation {
  method: string;
  path: string;
  fields: string[];
  query: string[];
  hasBody: boolean;
}

type Schema = { properties?: Record<string, unknown>; $ref?: string };

function operations(doc: { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> }; parameters?: { in: string; name: string }[] }>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const schema = op.requestBody?.content?.['application/json']?.schema;
      const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      const hasBody = Boolean(op.requestBody);
      // Event streams and file downloads are not JSON routes.
      if (/\/events$|\/video$|\/poster$|captions/.test(path)) continue;
      if (!hasBody && !query.length) continue;
      ops.push({ method: method.toUpperCase(), path: path.replace(/\{(\w+)\}/g, ':$1'), fields: Object.keys(schema?.properties ?? {}), query, hasBody });
    }
  }
  return ops;
}

/** Text Postgres cannot store, weighted up: the likeliest 500s. */
const badText = fc.tuple(fc.string({ maxLength: 20 }), fc.constantFrom('\u0000', '\ud800', '\udfff', '\ud83d'), fc.string({ maxLength: 20 })).map(([a, bad, b]) => a + bad + b);

const nasty = fc.oneof(
  { arbitrary: badText, weight: 6 },
  fc.string(),
  fc.constantFrom('x'.repeat(5000), '', ' ', '../../etc/passwd', '%00'),
  fc.double(),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER * 1024, -0, 0, -1, 2 ** 31, 1e-320),
  fc.boolean(),
  fc.constant(null),
  fc.integer({ min: 1, max: 40 }).map((depth) => {
    let v: unknown = 'deep';
    for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
    return v;
  }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Valid bodies of the routes whose handlers do most with their input: one bad field on top reaches the handler. */
const VALID: Record<string, Record<string, unknown>> = {
  'POST /api/v1/animations/generate': { description: 'Demonstrate bubble sort on 5 3 8 1', quality: '720p', duration: 2 },
  'POST /api/v1/animations/batch': { animations: [{ description: 'Demonstrate bubble sort on 5 3 8 1', quality: '720p', duration: 2 }] },
  'POST /api/v1/analyze': { description: 'Demonstrate bubble sort on 5 3 8 1' },
  'POST /api/v1/api-keys': { name: 'fuzz', role: 'viewer' },
  'POST /api/v1/users': { email: 'fuzz@local', name: 'Fuzz', role: 'viewer', password: 'a long enough password' },
};

function bodyFor(op: Operation) {
  const shaped = op.fields.length ? fc.dictionary(fc.constantFrom(...op.fields), nasty, { maxKeys: op.fields.length }) : fc.constant({});
  const valid = VALID[`${op.method} ${op.path}`];
  // One or two fields of a valid body replaced: the rest passes, so the bad value reaches the handler.
  const oneBad = valid ? fc.dictionary(fc.constantFrom(...op.fields), nasty, { minKeys: 1, maxKeys: 2 }).map((o) => ({ ...valid, ...o })) : shaped;
  // A bad character inside one valid text value: the description still reads as one a template knows.
  const spliced = valid
    ? fc.tuple(fc.constantFrom(...Object.keys(valid)), fc.constantFrom('\u0000', '\ud800', '\udfff'), fc.nat()).map(([field, bad, at]) => {
        const v = valid[field];
        if (typeof v !== 'string') return { ...valid, [field]: bad };
        const i = at % (v.length + 1);
        return { ...valid, [field]: v.slice(0, i) + bad + v.slice(i) };
      })
    : shaped;
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    shaped,
    oneBad,
    spliced,
    spliced,
    shaped.map((o) => ({ ...o, extra_field: 1 })),
  );
}

function queryFor(op: Operation) {
  return op.query.length ? fc.dictionary(fc.constantFrom(...op.query), fc.oneof(fc.string(), fc.constantFrom('\u0000', '-1', '1e400', 'NaN', 'x'.repeat(300), '%', '99999999999999999999'))) : fc.constant({});
}

test('no generated input to any JSON route gets a 5xx, and every 4xx is problem+json', async (t) => {
  const doc = (await call(server.url, 'GET', '/api/v1/openapi.json')).json;
  const ops = operations(doc);
  t.true(ops.length >= 10, `${ops.length} routes`);
  t.true(
    ops.some((o) => o.path === '/api/v1/animations/generate'),
    'paths as the OpenAPI document lists them',
  );
  const key = await server.key('admin');
  const failures: string[] = [];
  let sent = 0;
  const statuses: Record<string, number> = {};
  for (const op of ops) {
    await fc
      .assert(
        fc.asyncProperty(bodyFor(op), queryFor(op), async (body, query) => {
          const path = op.path.replace(/:\w+/g, () => randomUUID());
          const qs = new URLSearchParams(query as Record<string, string>).toString();
          sent++;
          const r = await call(server.url, op.method, `${path}${qs ? `?${qs}` : ''}`, { key, ...(op.hasBody ? { body } : {}) });
          statuses[`${op.method} ${op.path} ${r.status}`] = (statuses[`${op.method} ${op.path} ${r.status}`] ?? 0) + 1;
          const what = `${op.method} ${op.path} ${JSON.stringify(body).slice(0, 300)} ?${qs.slice(0, 200)} → ${r.status} ${r.text.slice(0, 300)}`;
          if (r.status >= 500) failures.push(what);
          if (r.status >= 400 && r.status < 500 && !(r.headers.get('content-type') === 'application/problem+json' && r.json?.status === r.status)) failures.push(`not problem+json: ${what}`);
          return r.status < 500;
        }),
        { numRuns: RUNS, seed: 8 },
      )
      .catch(() => {});
  }
  t.is(sent, ops.length * RUNS, 'every case was sent');
  t.false(
    Object.keys(statuses).some((k) => k.endsWith(' 404') && !k.includes(':id')),
    'every route was found',
  );
  t.log(`${sent} requests to ${ops.length} routes`, ops.map((o) => o.method + ' ' + o.path).join(', '), JSON.stringify(statuses));
  t.deepEqual(failures, []);
});
