// The SDK's types, generated from the API's OpenAPI document (the same document /api/v1/openapi.json
// serves, built from the routes' zod schemas), so the SDK never keeps a hand-written copy of a type:
// for each operation its path and query parameters, request body and JSON response, named after its
// operationId, plus the Problem schema. `generate-sdk-types.ts` writes the file; a test fails when the
// file in the repository is not what this produces (app/test/sdk/types-fresh.test.ts).
import { format, resolveConfig } from 'prettier';
import { loadConfig } from '../src/config/load.ts';
import { openApiDocument } from '../src/platform/api/openapi.ts';
import { apiRoutes } from '../src/platform/api/routes/index.ts';
import { API_PREFIX } from '../src/platform/server/app.ts';
import type { ApiServices } from '../src/platform/services.ts';

type Schema = Record<string, unknown> & {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  prefixItems?: Schema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
  description?: string;
};

interface Operation {
  operationId: string;
  summary?: string;
  parameters?: { name: string; in: 'path' | 'query'; required: boolean; schema: Schema; description?: string }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: Schema }> }>;
}

/** The OpenAPI document of this code base: the routes are only described, never mounted, so no services are needed beyond the configuration. */
export function apiDocument(): { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } } {
  const routes = apiRoutes({ config: loadConfig({ env: {} }) } as unknown as ApiServices);
  return openApiDocument(routes, API_PREFIX, 'sdk') as never;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const key = (name: string) => (IDENTIFIER.test(name) ? name : JSON.stringify(name));
const doc = (text: string | undefined, indent: string) => (text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '');

/** A JSON Schema (2020-12, what zod emits) as a TypeScript type. */
export function typeOf(schema: Schema | boolean | undefined, indent = ''): string {
  if (schema === undefined || schema === true) return 'unknown';
  if (schema === false) return 'never';
  if (schema.$ref) return schema.$ref.replace('#/components/schemas/', '');
  if ('const' in schema) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.anyOf || schema.oneOf) return (schema.anyOf ?? schema.oneOf)!.map((s) => typeOf(s, indent)).join(' | ');
  if (schema.allOf) return schema.allOf.map((s) => `(${typeOf(s, indent)})`).join(' & ');
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1) return types.map((t) => typeOf({ ...schema, type: t }, indent)).join(' | ');
  switch (types[0]) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      if (schema.prefixItems) return `[${schema.prefixItems.map((s) => typeOf(s, indent)).join(', ')}]`;
      return `Array<${typeOf(schema.items, indent)}>`;
    case 'object':
      return objectType(schema, indent);
    default:
      return schema.properties ? objectType(schema, indent) : 'unknown';
  }
}

function objectType(schema: Schema, indent: string): string {
  const props = Object.entries(schema.properties ?? {});
  const extra = schema.additionalProperties;
  if (!props.length) return extra === false ? 'Record<string, never>' : `Record<string, ${typeOf(extra === undefined ? true : extra, indent)}>`;
  const inner = `${indent}  `;
  const required = new Set(schema.required ?? []);
  const lines = props.map(([name, prop]) => `${doc(prop.description, inner)}${inner}${key(name)}${required.has(name) ? '' : '?'}: ${typeOf(prop, inner)};`);
  if (extra && extra !== true) lines.push(`${inner}[key: string]: ${typeOf(extra, inner)};`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}

const pascal = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);

function parametersType(op: Operation, where: 'path' | 'query'): string | undefined {
  const list = (op.parameters ?? []).filter((p) => p.in === where);
  if (!list.length) return undefined;
  return `{\n${list.map((p) => `${doc(p.description ?? p.schema.description, '  ')}  ${key(p.name)}${p.required ? '' : '?'}: ${typeOf(p.schema, '  ')};`).join('\n')}\n}`;
}

function jsonSchemaOf(content: Record<string, { schema?: Schema }> | undefined): Schema | undefined {
  return content?.['application/json']?.schema;
}

/** The file's text, formatted as the repository formats code. */
export async function sdkTypesSource(target: string): Promise<string> {
  const api = apiDocument();
  const out: string[] = [
    '// GENERATED from the DevForge OpenAPI document (GET /api/v1/openapi.json) by app/scripts/generate-sdk-types.ts: do not edit.',
    '// Run `node app/scripts/generate-sdk-types.ts` after changing a route or its schemas; a test fails while this file is stale.',
    '',
  ];
  for (const [name, schema] of Object.entries(api.components.schemas)) out.push(`${doc(schema.description, '')}export type ${name} = ${typeOf(schema)};`, '');
  const operations: string[] = [];
  for (const [path, methods] of Object.entries(api.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const name = pascal(op.operationId);
      const parts: string[] = [`method: '${method}'`, `path: '${path}'`];
      const params = parametersType(op, 'path');
      const query = parametersType(op, 'query');
      const body = jsonSchemaOf(op.requestBody?.content);
      const ok = Object.entries(op.responses).find(([status, r]) => status.startsWith('2') && jsonSchemaOf(r.content));
      out.push(`// ${method.toUpperCase()} ${path}${op.summary ? `: ${op.summary.replace(/\s*\n\s*/g, ' ')}` : ''}`);
      if (params) out.push(`export type ${name}Params = ${params};`) && parts.push(`params: ${name}Params`);
      if (query) out.push(`export type ${name}Query = ${query};`) && parts.push(`query: ${name}Query`);
      if (body) out.push(`export type ${name}Body = ${typeOf(body)};`) && parts.push(`body: ${name}Body`);
      if (ok) out.push(`export type ${name}Response = ${typeOf(jsonSchemaOf(ok[1].content))};`) && parts.push(`response: ${name}Response`);
      out.push('');
      operations.push(`  ${op.operationId}: { ${parts.join('; ')} };`);
    }
  }
  out.push('/** Every operation by its operationId: method, path and the types above. */', `export interface Operations {\n${operations.join('\n')}\n}`, '');
  const options = (await resolveConfig(target)) ?? {};
  return format(out.join('\n'), { ...options, filepath: target });
}
