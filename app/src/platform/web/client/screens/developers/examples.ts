// The developer portal's code samples, filled with this appliance's address and, when one is in use, the
// sandbox key (a person copies a sample that works as it is). Plain functions: the pages draw them, and
// the same text is what the guides' readers copy.

const KEY_PLACEHOLDER = 'dfk_your_sandbox_key';

function keyLine(key: string): string {
  return `export API_KEY=${key || KEY_PLACEHOLDER}`;
}

export interface Example {
  id: string;
  label: string;
  code: string;
}

export function curlExamples(base: string, key: string): Example[] {
  return [
    { id: 'example-curl-key', label: 'Shell: the key for the next commands', code: keyLine(key) },
    { id: 'example-curl-templates', label: 'curl: list the templates', code: `curl -H "Authorization: Bearer $API_KEY" ${base}/api/v1/templates` },
    {
      id: 'example-curl-generate',
      label: 'curl: render an animation',
      code: [
        `curl -X POST ${base}/api/v1/animations/generate \\`,
        `  -H "Authorization: Bearer $API_KEY" \\`,
        `  -H "Content-Type: application/json" \\`,
        `  -H "Idempotency-Key: $(uuidgen)" \\`,
        `  -d '{"description": "Demonstrate bubble sort on 5 3 8 1", "quality": "720p", "duration": 10}'`,
      ].join('\n'),
    },
    {
      id: 'example-curl-get',
      label: 'curl: its status, then the video (the id from the answer above)',
      code: [`curl -H "Authorization: Bearer $API_KEY" ${base}/api/v1/animations/ID`, `curl -L -o bubble-sort.mp4 -H "Authorization: Bearer $API_KEY" ${base}/api/v1/animations/ID/video`].join('\n'),
    },
  ];
}

export function sdkExample(base: string, key: string): string {
  return [
    `// ${keyLine(key)}  (in the shell, before running this)`,
    `import { writeFile } from 'node:fs/promises';`,
    `import { DevForge, DevForgeError } from '@devforge/sdk';`,
    ``,
    `const client = new DevForge({ baseUrl: '${base}', apiKey: process.env.API_KEY! });`,
    ``,
    `try {`,
    `  const queued = await client.generate({ description: 'Demonstrate bubble sort on 5 3 8 1', quality: '720p', duration: 10 });`,
    `  const done = await client.waitFor(queued.id, { onProgress: (p) => console.log(\`\${Math.round(p.progress * 100)}%\`) });`,
    `  if (done.status !== 'completed') throw new Error(done.error ?? done.status);`,
    `  await writeFile('bubble-sort.mp4', await client.download(done.id, 'video'));`,
    `} catch (err) {`,
    `  // Every refusal is a DevForgeError with the API's problem: code, detail, field errors.`,
    `  if (err instanceof DevForgeError) console.error(err.code, err.detail);`,
    `  else throw err;`,
    `}`,
  ].join('\n');
}

export function widgetSnippet(base: string): string {
  return [
    `<div id="animation-maker"></div>`,
    `<script src="${base}/widget.js"></script>`,
    `<script>`,
    `  DevForge.embed({`,
    `    container: document.getElementById('animation-maker'),`,
    `    apiKey: 'dfp_…', // a publishable key whose allowed origins include this page's`,
    `    theme: { primary: '#0f766e', logo: 'https://www.example.com/logo.svg' },`,
    `    features: { textInput: true, preview: true, export: true, templates: true },`,
    `    onReady: () => console.log('widget ready'),`,
    `    onAnimationCreated: (animation) => console.log('created', animation.id),`,
    `    onExported: (animation) => console.log('exported', animation.id),`,
    `  });`,
    `</script>`,
  ].join('\n');
}

export function webhookReceiver(): string {
  return [
    `import { createServer } from 'node:http';`,
    `import { verifyWebhook } from '@devforge/sdk';`,
    ``,
    `// The secret from GET /api/v1/webhooks/signing-secret (kept in your secret store).`,
    `const secret = process.env.WEBHOOK_SECRET!;`,
    `const seen = new Set<string>(); // delivery ids already handled (use your database)`,
    ``,
    `createServer(async (req, res) => {`,
    `  let raw = '';`,
    `  for await (const chunk of req) raw += chunk; // the raw body: verify before parsing`,
    `  const ok = await verifyWebhook(String(req.headers['devforge-signature'] ?? ''), raw, secret);`,
    `  if (!ok) return void res.writeHead(401).end();`,
    `  const event = JSON.parse(raw);`,
    `  if (!seen.has(event.delivery_id)) {`,
    `    seen.add(event.delivery_id);`,
    `    console.log(event.event, event.animation?.id ?? event.batch_id);`,
    `  }`,
    `  res.writeHead(204).end(); // any 2xx: delivered; anything else is retried`,
    `}).listen(8080);`,
  ].join('\n');
}

/** Making a publishable key for the widget (docs/widget.md has every field). */
export function publishableKeyExample(base: string): string {
  return [
    `curl -X POST ${base}/api/v1/api-keys \\`,
    `  -H "Authorization: Bearer $API_KEY" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '{"name": "Intranet widget", "kind": "publishable", "allowed_origins": ["https://intranet.example.com"]}'`,
  ].join('\n');
}
