// The developer portal's reading of the OpenAPI document (web/client/openapi.ts): operations grouped by
// tag in the document's order, the try-it body's starting example made from a request schema, and the
// request URL a form's values make (path parameters encoded, missing ones named, empty query left out).
import test from 'ava';
import { exampleOf, findOperation, operationsByTag, requestUrl, typeOf, type OpenApiDocument } from '../../src/platform/web/client/openapi.ts';

const DOC: OpenApiDocument = {
  info: { title: 'API', version: '1' },
  paths: {
    '/api/v1/templates': { get: { operationId: 'getApiV1Templates', tags: ['analysis'], 'x-devforge-role': 'viewer' } },
    '/api/v1/animations/{id}': {
      get: { operationId: 'getApiV1AnimationsId', tags: ['animations'], parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] },
      delete: { operationId: 'deleteApiV1AnimationsId', tags: ['animations'] },
    },
    '/api/v1/analyze': {
      post: { operationId: 'postApiV1Analyze', tags: ['analysis'], requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['description'], properties: { description: { type: 'string' } } } } } } },
    },
    '/api/v1/health': { get: { operationId: 'getApiV1Health', tags: ['system'] }, parameters: { operationId: 'not-a-method' } },
  },
};

test('operations are grouped by their first tag, in the order the document has them', (t) => {
  const groups = operationsByTag(DOC);
  t.deepEqual(
    groups.map((g) => [g.tag, g.operations.map((o) => o.operationId)]),
    [
      ['analysis', ['getApiV1Templates', 'postApiV1Analyze']],
      ['animations', ['getApiV1AnimationsId', 'deleteApiV1AnimationsId']],
      ['system', ['getApiV1Health']],
    ],
  );
  const analyze = findOperation(groups, 'postApiV1Analyze')!;
  t.is(analyze.body?.type, 'application/json');
  t.is(findOperation(groups, 'getApiV1Templates')!.role, 'viewer');
  t.is(findOperation(groups, 'getApiV1Health')!.role, 'public', 'no role declared: public');
  t.is(findOperation(groups, 'nope'), undefined);
});

test('the example body has the required fields only, each with its default, first allowed value or smallest number', (t) => {
  const schema = {
    type: 'object',
    required: ['description', 'quality', 'duration', 'items', 'flag', 'kind', 'when', 'nested'],
    properties: {
      description: { type: 'string' },
      quality: { type: 'string', enum: ['720p', '1080p'] },
      duration: { type: 'number', minimum: 1 },
      items: { type: 'array', minItems: 2, items: { type: 'integer' } },
      flag: { type: 'boolean' },
      kind: { type: 'string', default: 'secret' },
      when: { anyOf: [{ type: 'null' }, { type: 'integer', minimum: 5 }] },
      nested: { type: 'object', required: ['a'], properties: { a: { const: 'x' }, b: { type: 'string' } } },
      optional: { type: 'string' },
    },
  };
  t.deepEqual(exampleOf(schema), { description: '', quality: '720p', duration: 1, items: [0, 0], flag: false, kind: 'secret', when: 5, nested: { a: 'x' } });
  t.is(exampleOf(undefined), null);
});

test('the request URL: path parameters encoded, missing ones named, empty query parameters left out', (t) => {
  const op = {
    ...findOperation(operationsByTag(DOC), 'getApiV1AnimationsId')!,
    parameters: [
      { name: 'id', in: 'path' as const, required: true },
      { name: 'limit', in: 'query' as const },
      { name: 'owner', in: 'query' as const, required: true },
    ],
  };
  t.deepEqual(requestUrl(op, { 'path.id': 'a b/c', 'query.limit': ' 5 ', 'query.owner': 'me' }), { url: '/api/v1/animations/a%20b%2Fc?limit=5&owner=me', missing: [] });
  t.deepEqual(requestUrl(op, { 'query.limit': '' }), { url: '/api/v1/animations/', missing: ['id', 'owner'] });
});

test('a schema type in one line', (t) => {
  t.is(typeOf({ type: 'string', enum: ['720p', '4k'] }), '"720p" | "4k"');
  t.is(typeOf({ type: 'array', items: { type: 'string', format: 'uuid' } }), 'string (uuid)[]');
  t.is(typeOf({ anyOf: [{ type: 'string' }, { type: 'null' }] }), 'string | null');
  t.is(typeOf(undefined), 'any');
});
