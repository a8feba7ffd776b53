// Reading the appliance's own OpenAPI document (GET /api/v1/openapi.json, generated from the routes' zod
// schemas) for the developer portal's reference: the operations grouped by tag, an example body made from
// a request schema, and the URL a "Try it" form's values make. The portal draws only what the running
// API declares, so the reference can never describe an API this appliance does not have.

export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  format?: string;
  $ref?: string;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
}

interface Media {
  schema?: JsonSchema;
}

export interface RawOperation {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { description?: string; content?: Record<string, Media> };
  responses?: Record<string, { description: string; content?: Record<string, Media> }>;
  'x-devforge-role'?: string;
  'x-devforge-api-key-scope'?: string | null;
}

export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, RawOperation>>;
}

export interface Operation extends RawOperation {
  method: string;
  path: string;
  tag: string;
  /** The body's media type and schema, when the operation takes one. */
  body?: { type: string; schema: JsonSchema | undefined };
  /** public: no credentials needed. */
  role: string;
}

export interface TagGroup {
  tag: string;
  operations: Operation[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of the document, grouped by its first tag, in the document's order. */
export function operationsByTag(doc: OpenApiDocument): TagGroup[] {
  const groups = new Map<string, Operation[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!METHODS.includes(method)) continue;
      const tag = op.tags?.[0] ?? 'other';
      const [type, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
      const operation: Operation = { ...op, method, path, tag, role: op['x-devforge-role'] ?? 'public', ...(type ? { body: { type, schema: media?.schema } } : {}) };
      groups.set(tag, [...(groups.get(tag) ?? []), operation]);
    }
  }
  return [...groups].map(([tag, operations]) => ({ tag, operations }));
}

/** One operation by its operationId (a deep link: /developers/reference#getApiV1Templates). */
export function findOperation(groups: TagGroup[], operationId: string): Operation | undefined {
  for (const g of groups) for (const op of g.operations) if (op.operationId === operationId) return op;
  return undefined;
}

/** A schema's type in one short line: "string", "integer", "\"720p\" | \"1080p\"", "string[]". */
export function typeOf(s: JsonSchema | undefined): string {
  if (!s) return 'any';
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return alternatives.map(typeOf).join(' | ');
  if (s.type === 'array') return `${typeOf(s.items)}[]`;
  const type = Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? 'any');
  return type + (s.format ? ` (${s.format})` : '');
}

/** What a field's schema says beyond its type: description, default, range, length. */
export function notesOf(s: JsonSchema): string {
  const parts = [s.description ?? ''];
  if (s.default !== undefined) parts.push(`Default ${JSON.stringify(s.default)}.`);
  if (s.minimum !== undefined || s.maximum !== undefined) parts.push(`Range ${s.minimum ?? '…'} to ${s.maximum ?? '…'}.`);
  if (s.maxLength !== undefined) parts.push(`At most ${s.maxLength} characters.`);
  return parts.filter(Boolean).join(' ');
}

/**
 * A value that satisfies the schema's shape, for the try-it body to start from: the required fields only
 * (an optional field left out takes the API's default), each with its default, its first allowed value or
 * its smallest valid number. Strings are empty unless the schema has an example to give: the person fills
 * them in, and the API's own validation says what is still missing.
 */
export function exampleOf(s: JsonSchema | undefined, depth = 0): unknown {
  if (!s || depth > 6) return null;
  if (s.default !== undefined) return s.default;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return exampleOf(alternatives.find((a) => a.type !== 'null') ?? alternatives[0], depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of s.required ?? []) out[name] = exampleOf(s.properties?.[name], depth + 1);
      return out;
    }
    case 'array':
      return s.minItems ? Array.from({ length: s.minItems }, () => exampleOf(s.items, depth + 1)) : [];
    case 'integer':
    case 'number':
      return s.minimum ?? 0;
    case 'boolean':
      return false;
    case 'string':
      return '';
    default:
      return null;
  }
}

/** The request URL a try-it form's values make: path parameters filled in (encoded), query parameters given added. */
export function requestUrl(op: Operation, values: Record<string, string>): { url: string; missing: string[] } {
  const missing: string[] = [];
  const params = op.parameters ?? [];
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = values[`path.${name}`]?.trim() ?? '';
    if (!v) missing.push(name);
    return encodeURIComponent(v);
  });
  const query = new URLSearchParams();
  for (const p of params) {
    if (p.in !== 'query') continue;
    const v = values[`query.${p.name}`]?.trim() ?? '';
    if (v) query.set(p.name, v);
    else if (p.required) missing.push(p.name);
  }
  const q = query.toString();
  return { url: q ? `${path}?${q}` : path, missing };
}
