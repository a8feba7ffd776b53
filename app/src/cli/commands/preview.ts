// devforge preview "<description>": serves the realtime player on localhost for a look.
import { loadConfig } from '../../config/load.ts';
import { sceneFromDescription } from '../../pipeline.ts';
import { paceForVoice } from '../../platform/compose/voice-pacing.ts';
import { mathAssets } from '../../render/math.ts';
import { PAGE_SECURITY_HEADERS, PageServer, previewPageHtml } from '../../render/page-server.ts';
import { description, numberFlag, parse } from '../args.ts';
import { parseRange } from '../../platform/api/range.ts';
import { voiceOver } from '../../voice/voice-over.ts';
import { frameCount } from '../../scene/timeline.ts';
import { SCENE_FLAGS, sceneRequest, VOICE_FLAGS, voiceFlag } from '../scene-options.ts';

export async function previewCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { port: { type: 'string', short: 'p' }, host: { type: 'string' }, ...SCENE_FLAGS, ...VOICE_FLAGS });
  const config = loadConfig();
  // Previews default to 720p: a browser plays that smoothly everywhere.
  const text = description(positionals, 'devforge preview "Plot y = sin(x)"');
  const voice = await voiceFlag(values.voice, config);
  const req = { ...sceneRequest({ resolution: '720p', ...values }, config), ...(voice ? { voice } : {}) };
  const composed = sceneFromDescription(text, req);
  const { analysis } = composed;
  // Each step at least as long as its speech, as the renderer paces it (platform/compose/voice-pacing.ts).
  const scene = await paceForVoice(composed.scene, config.voice.espeakPath);
  // The same track the renderer mixes into the MP4, so the preview sounds as the export will.
  const track = scene.voice ? await voiceOver({ espeakPath: config.voice.espeakPath, voice: scene.voice.name, steps: scene.narration.steps, durationS: frameCount(scene) / scene.fps }) : undefined;
  for (const warning of track?.warnings ?? []) console.error(`voice-over: ${warning}`);
  const data = JSON.stringify({ scene, assets: { math: mathAssets(scene) }, ...(track ? { audio: '/narration.wav' } : {}) });
  const server = new PageServer();
  if (track) {
    // Byte ranges, because a browser seeks an <audio> only in a file served with them.
    const wav = track.wav;
    server.route('/narration.wav', (res) => {
      const range = parseRange(res.req.headers.range, wav.length);
      const headers = { 'content-type': 'audio/wav', 'accept-ranges': 'bytes' };
      if (range === 'unsatisfiable') res.writeHead(416, { ...headers, 'content-range': `bytes */${wav.length}` }).end();
      else if (range) res.writeHead(206, { ...headers, 'content-range': `bytes ${range.start}-${range.end}/${wav.length}`, 'content-length': String(range.end - range.start + 1) }).end(wav.subarray(range.start, range.end + 1));
      else res.writeHead(200, { ...headers, 'content-length': String(wav.length) }).end(wav);
    });
  }
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
