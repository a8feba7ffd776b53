// devforge render "<description>" -o out.mp4 | devforge render --scene spec.json -o out.mp4
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadConfig } from '../../config/load.ts';
import type { OverlayOptions } from '../../player/overlay.ts';
import { createRenderer } from '../../render/create.ts';
import type { Scene } from '../../scene/schema.ts';
import { parseScene } from '../../scene/validate.ts';
import { description, parse } from '../args.ts';
import { UsageError } from '../errors.ts';
import { RenderProgress } from '../progress.ts';
import { SCENE_FLAGS, sceneRequest, VOICE_FLAGS, voiceFlag, type SceneFlagValues } from '../scene-options.ts';

async function loadSceneFile(path: string, values: SceneFlagValues, config: ReturnType<typeof loadConfig>, voice: string | null | undefined): Promise<Scene> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read scene file ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`scene file ${path} is not valid JSON: ${(err as Error).message}`);
  }
  // Flags given on the command line override the file's size, rate and length.
  const req = sceneRequest(values, config);
  if (json && typeof json === 'object') {
    const spec = json as Record<string, unknown>;
    if (values.resolution) Object.assign(spec, { width: req.width, height: req.height });
    if (values.fps) spec.fps = req.fps;
    if (values.duration) spec.duration = req.duration;
  }
  const scene = parseScene(json, path);
  // After parsing: a stored scene of an older version is migrated first, and the flag wins over what it says.
  if (req.captions) scene.captions = { ...scene.captions, mode: req.captions };
  if (voice) scene.voice = { name: voice };
  else if (voice === null) delete scene.voice;
  return scene;
}

async function overlayFrom(values: { watermark?: string; logo?: string; 'brand-name'?: string; 'brand-color'?: string }): Promise<OverlayOptions> {
  const overlay: OverlayOptions = {};
  if (values.watermark) overlay.watermark = { text: values.watermark };
  if (values.logo || values['brand-name'] || values['brand-color']) {
    let logo: string | undefined;
    if (values.logo) {
      const ext = values.logo.toLowerCase().split('.').pop();
      const mime = ext === 'png' ? 'image/png' : ext === 'jpg' || ext === 'jpeg' ? 'image/jpeg' : ext === 'svg' ? 'image/svg+xml' : undefined;
      if (!mime) throw new UsageError(`--logo must be a .png, .jpg or .svg file, got ${values.logo}`);
      logo = `data:${mime};base64,${(await readFile(values.logo)).toString('base64')}`;
    }
    const color = values['brand-color'];
    if (color && !/^#[0-9a-fA-F]{6}$/.test(color)) throw new UsageError(`--brand-color must look like #2563eb, got ${color}`);
    overlay.branding = { ...(logo ? { logo } : {}), ...(values['brand-name'] ? { productName: values['brand-name'] } : {}), ...(color ? { colors: { primary: color } } : {}) };
  }
  return overlay;
}

export async function renderCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    output: { type: 'string', short: 'o' },
    scene: { type: 'string' },
    watermark: { type: 'string' },
    logo: { type: 'string' },
    'brand-name': { type: 'string' },
    'brand-color': { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    ...SCENE_FLAGS,
    ...VOICE_FLAGS,
  });
  if (!values.output) throw new UsageError('give the output file with -o, e.g. -o out.mp4');
  if (!/\.mp4$/i.test(values.output)) throw new UsageError(`the output must be an .mp4 file, got ${values.output}`);
  if (values.scene && positionals.length) throw new UsageError('give either a description or --scene, not both');
  const config = loadConfig();
  const text = values.scene ? undefined : description(positionals);
  const voice = await voiceFlag(values.voice, config);
  // Chromium starts while the scene is composed. Warnings are the user's; the renderer's timings are not.
  const { renderer } = await createRenderer(config, (line, level) => {
    if (level === 'warn' || process.env.DEVFORGE_DEBUG) console.error(line);
  });
  renderer.warm();
  let scene: Scene;
  let overlay: OverlayOptions;
  try {
    // The analyser and templates load only for a description, while Chromium starts.
    scene = values.scene ? await loadSceneFile(values.scene, values, config, voice) : (await import('../../pipeline.ts')).sceneFromDescription(text!, { ...sceneRequest(values, config), ...(voice ? { voice } : {}) }).scene;
    // Each step at least as long as its speech when a voice speaks it; unchanged without one (platform/compose/voice-pacing.ts).
    scene = await (await import('../../platform/compose/voice-pacing.ts')).paceForVoice(scene, config.voice.espeakPath);
    overlay = await overlayFrom(values);
  } catch (err) {
    await renderer.close();
    throw err;
  }
  const progress = values.quiet ? undefined : new RenderProgress({ write: (text) => process.stderr.write(text), tty: Boolean(process.stderr.isTTY), columns: process.stderr.columns });
  try {
    const summary = await renderer.render(scene, {
      outputs: { video: resolve(values.output) },
      overlay,
      ...(progress ? { onProgress: (done: number, total: number) => progress.update(done, total) } : {}),
    });
    progress?.finish();
    console.log(JSON.stringify(summary, null, 2));
  } finally {
    progress?.finish();
    await renderer.close();
  }
  return 0;
}
