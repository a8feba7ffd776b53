// The API reference page at /api/v1/docs: rendered on the server from the OpenAPI document, so it is
// always the API that runs, and needs nothing from the internet.
import { fontLinks } from '../../render/fonts.ts';
import { escapeHtml as e } from '../web/escape.ts';
import { PROBLEM_URN, PROBLEMS } from './problems.ts';

type Json = Record<string, unknown>;

function schemaBlock(schema: unknown): string {
  return `<pre class="schema">${e(JSON.stringify(schema, null, 2))}</pre>`;
}

interface Prop {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  items?: Prop;
  anyOf?: Prop[];
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  format?: string;
}

function typeOf(p: Prop | undefined): string {
  if (!p) return 'any';
  if (p.enum) return p.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (p.const !== undefined) return JSON.stringify(p.const);
  if (p.anyOf) return p.anyOf.map(typeOf).join(' | ');
  if (p.type === 'array') return `${typeOf(p.items)}[]`;
  return (p.type ?? 'any') + (p.format ? ` (${p.format})` : '');
}

function notes(p: Prop): string {
  const parts = [p.description ?? ''];
  if (p.default !== undefined) parts.push(`Default ${JSON.stringify(p.default)}.`);
  if (p.minimum !== undefined || p.maximum !== undefined) parts.push(`Range ${p.minimum ?? '…'} to ${p.maximum ?? '…'}.`);
  if (p.maxLength !== undefined) parts.push(`At most ${p.maxLength} characters.`);
  return parts.filter(Boolean).join(' ');
}

/** An object schema as a table of its fields, with the full schema folded away below. */
function fieldsTable(schema: unknown): string {
  const s = schema as { properties?: Record<string, Prop>; required?: string[] };
  if (!s.properties) return schemaBlock(schema);
  const rows = Object.entries(s.properties)
    .map(([name, p]) => `<tr><td><code>${e(name)}</code></td><td><code>${e(typeOf(p))}</code></td><td>${(s.required ?? []).includes(name) ? 'yes' : 'no'}</td><td>${e(notes(p))}</td></tr>`)
    .join('');
  return `<table><tr><th>field</th><th>type</th><th>required</th><th>notes</th></tr>${rows}</table><details><summary>JSON Schema</summary>${schemaBlock(schema)}</details>`;
}

function operation(method: string, path: string, op: Json): string {
  const params = (op.parameters as Json[]) ?? [];
  const body = (op.requestBody as { content?: Record<string, { schema?: unknown }> } | undefined)?.content?.['application/json']?.schema;
  const responses = Object.entries((op.responses as Record<string, { description: string; content?: Record<string, { schema?: unknown }> }>) ?? {});
  const role = String(op['x-devforge-role']);
  return `<section class="op" id="${e(String(op.operationId))}">
<h3><span class="method ${e(method)}">${e(method.toUpperCase())}</span> <code>${e(path)}</code></h3>
<p>${e(op.summary)}</p>${op.description ? `<p>${e(op.description)}</p>` : ''}
<p class="role">${role === 'public' ? 'No authentication.' : `Needs the <b>${e(role)}</b> role (or stronger).`}</p>
${params.length ? `<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>required</th><th>schema</th></tr>${params.map((p) => `<tr><td><code>${e(p.name)}</code></td><td>${e(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td><td><code>${e(JSON.stringify(p.schema))}</code></td></tr>`).join('')}</table>` : ''}
${body ? `<h4>Request body (application/json)</h4>${fieldsTable(body)}` : ''}
<h4>Responses</h4><ul>${responses
    .map(([status, r]) => {
      const [type, content] = Object.entries(r.content ?? {})[0] ?? [];
      const schema = content?.schema && !(content.schema as Json).$ref ? `<details><summary>fields</summary>${fieldsTable(content.schema)}</details>` : '';
      return `<li><b>${e(status)}</b> ${e(r.description)}${type ? ` <code>${e(type)}</code>` : ''}${schema}</li>`;
    })
    .join('')}</ul>
</section>`;
}

export function docsPage(doc: Json): string {
  const info = doc.info as { title: string; version: string; description: string };
  const paths = doc.paths as Record<string, Record<string, Json>>;
  const ops = Object.entries(paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
  const tags = [...new Set(ops.map((o) => (o.op.tags as string[])[0]!))];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(info.title)} reference</title>
${fontLinks()}
<link rel="stylesheet" href="/assets/docs.css"></head>
<body><main>
<h1>${e(info.title)} <small>${e(info.version)}</small></h1>
<p>${e(info.description)}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). Webhooks are signed: header <code>DevForge-Signature: t=&lt;unix&gt;,v1=&lt;hex HMAC-SHA256(secret, "t.body")&gt;</code>; your secret is at <code>GET /api/v1/webhooks/signing-secret</code>.</p>
<nav>${tags.map((t) => `<a href="#tag-${e(t)}">${e(t)}</a>`).join(' · ')} · <a href="#problems">errors</a></nav>
${tags
  .map(
    (t) =>
      `<h2 id="tag-${e(t)}">${e(t)}</h2>${ops
        .filter((o) => (o.op.tags as string[])[0] === t)
        .map((o) => operation(o.method, o.path, o.op))
        .join('\n')}`,
  )
  .join('\n')}
<h2 id="problems">Errors</h2>
<p>Every error is <code>application/problem+json</code>: <code>{type, title, status, detail, instance}</code>, plus <code>errors: [{field, message}]</code> for invalid input.</p>
<table><tr><th>type</th><th>status</th><th>meaning</th></tr>${Object.entries(PROBLEMS)
    .map(([k, p]) => `<tr id="problem-${e(k)}"><td><code>${e(PROBLEM_URN + k)}</code></td><td>${p.status}</td><td>${e(p.title)}</td></tr>`)
    .join('')}</table>
</main></body></html>`;
}

export const DOCS_CSS = `body{font:15px/1.5 Inter,system-ui,sans-serif;margin:0;background:#f7f7f9;color:#1b1d23}main{max-width:960px;margin:0 auto;padding:24px}
h1 small{font-weight:400;color:#667}code,pre{font-family:"JetBrains Mono",ui-monospace,monospace;font-size:13px}
.op{background:#fff;border:1px solid #e1e3ea;border-radius:8px;padding:12px 16px;margin:12px 0}.op h3{margin:0 0 4px}
.method{display:inline-block;min-width:64px;text-align:center;border-radius:4px;color:#fff;font-size:12px;padding:2px 6px}
.get{background:#2563eb}.post{background:#16a34a}.put{background:#7c3aed}.patch{background:#d97706}.delete{background:#dc2626}
.role{color:#555;font-size:13px}table{border-collapse:collapse;width:100%;margin:8px 0}td,th{border:1px solid #e1e3ea;padding:4px 8px;text-align:left;vertical-align:top}
pre.schema{background:#f2f3f7;padding:8px;overflow:auto;max-height:360px}nav{margin:12px 0}`;
