// devforge preview "<description>": serves the realtime player on localhost for a look.
import { loadConfig } from '../../config/load.ts';
import { sceneFromDescription } from '../../pipeline.ts';
import { mathAssets } from '../../render/math.ts';
import { PAGE_SECURITY_HEADERS, PageServer, previewPageHtml } from '../../render/page-server.ts';
import { description, numberFlag, parse } from '../args.ts';
import { SCENE_FLAGS, sceneRequest } from '../scene-options.ts';

export async function previewCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { port: { type: 'string', short: 'p' }, host: { type: 'string' }, ...SCENE_FLAGS });
  const config = loadConfig();
  // Previews default to 720p: a browser plays that smoothly everywhere.
  const req = sceneRequest({ resolution: '720p', ...values }, config);
  const { scene, analysis } = sceneFromDescription(description(positionals, 'devforge preview "Plot y = sin(x)"'), req);
  const data = JSON.stringify({ scene, assets: { math: mathAssets(scene) } });
  const server = new PageServer();
  server.route('/', (res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...PAGE_SECURITY_HEADERS }).end(previewPageHtml('/preview-data.json'));
  });
  server.route('/preview-data.json', (res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(data);
  });
  const port = numberFlag(values.port, 'port', (n) => Number.isInteger(n) && n >= 0 && n < 65536) ?? 8090;
  await server.start(port, values.host ?? '127.0.0.1');
  console.log(JSON.stringify({ url: `${server.origin}/`, template: analysis.template, warnings: analysis.warnings }));
  console.error('preview: serving until you press Ctrl+C');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  return 0;
}
