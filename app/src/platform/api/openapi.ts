// The OpenAPI 3.1 document, generated from the same route declarations and zod schemas that validate
// requests. JSON Schema 2020-12 (what zod emits) is OpenAPI 3.1's schema dialect.
import { z } from 'zod';
import { keyScope, leastRole, type Action } from '../domain/policy.ts';
import { PROBLEM_URN, PROBLEMS } from './problems.ts';
import type { AnyRoute } from './route.ts';

type Json = Record<string, unknown>;

export function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  delete out.$schema;
  return out;
}

function parameters(route: AnyRoute): Json[] {
  const list: Json[] = [];
  const add = (schema: z.ZodType | undefined, where: 'path' | 'query') => {
    if (!schema) return;
    const json = jsonSchema(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      list.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: prop, ...(prop.description ? { description: prop.description } : {}) });
    }
  };
  add(route.params, 'path');
  add(route.query, 'query');
  return list;
}

const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', description: `Stable error id: ${PROBLEM_URN}<name>.`, enum: Object.keys(PROBLEMS).map((k) => PROBLEM_URN + k) },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
  },
};

function keyScopes(action: Action): string[] {
  const scope = keyScope(action);
  return scope ? [scope] : [];
}

function problemResponse(description: string): Json {
  return { description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
}

export function openApiDocument(routes: AnyRoute[], prefix: string, version: string): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const path = (prefix + route.path).replace(/:(\w+)/g, '{$1}');
    const responses: Json = {};
    for (const [status, r] of Object.entries(route.responses)) {
      responses[status] = r.schema || r.type ? { description: r.description, content: { [r.type ?? 'application/json']: r.schema ? { schema: jsonSchema(r.schema, 'output') } : {} } } : { description: r.description };
    }
    if (route.body) {
      responses['400'] ??= problemResponse('Malformed JSON (malformed-json).');
      responses['413'] ??= problemResponse('Body over server.bodyLimitBytes (payload-too-large).');
      responses['415'] ??= problemResponse('Body is not application/json (unsupported-media-type).');
    }
    if (route.body || route.query || route.params) responses['422'] ??= problemResponse('Invalid input (validation-failed and the other 422 types).');
    if (route.action !== 'public') {
      responses['401'] ??= problemResponse('No, wrong, expired or revoked credentials (unauthorized).');
      responses['403'] ??= problemResponse('Role too weak or an API key without the scope this needs (forbidden), or a cookie write without X-CSRF-Token (csrf-failed).');
    }
    const rateLimit = route.rateLimit ?? 'api';
    if (rateLimit !== 'none') responses['429'] ??= problemResponse('Over a rate limit (too-many-requests): wait Retry-After seconds. Counted answers carry the RateLimit-Policy and RateLimit headers.');
    responses['503'] ??= problemResponse('The database or storage is unreachable (service-unavailable).');
    (paths[path] ??= {})[route.method] = {
      operationId: `${route.method}${path.replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      // An API key needs the scope named in its security requirement (OpenAPI 3.1 lists roles for any scheme).
      security: route.action === 'public' ? [] : [{ apiKey: keyScopes(route.action) }, { session: [] }],
      'x-devforge-role': route.action === 'public' ? 'public' : leastRole(route.action),
      ...(route.action === 'public' ? {} : { 'x-devforge-api-key-scope': keyScope(route.action) }),
      ...(route.action === 'public' ? {} : { 'x-devforge-action': route.action }),
      'x-devforge-rate-limit': rateLimit,
      parameters: parameters(route),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } } : {}),
      ...(route.textBody ? { requestBody: { required: true, description: route.textBody.description, content: { 'text/plain': { schema: { type: 'string' } } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'DevForge API',
      version,
      description:
        'Describe an animation, render it, fetch the video. Authenticate with `Authorization: Bearer <API key>` (programs) or the session cookie (the browser; writes then need `X-CSRF-Token`). Errors are `application/problem+json` with a stable `type`.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An API key (dfk_…), from POST /api/v1/api-keys or `devforge apikey create`. A key acts only within its scopes (animations:read, animations:write, admin); each operation lists the one it needs. A publishable key (dfp_…, for the embeddable widget: docs/widget.md) works only from its allowed web origins and only to analyse, generate and read animations.',
        },
        session: { type: 'apiKey', in: 'cookie', name: 'devforge_session', description: 'Set by POST /api/v1/auth/login.' },
      },
      schemas: { Problem: PROBLEM_SCHEMA },
    },
  };
}
