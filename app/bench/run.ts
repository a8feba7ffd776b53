// npm run bench [-- --json] [-- --quick]: render and analysis speed on this machine, every figure
// from the same run so ratios mean something on a noisy machine.
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/load.ts';
import { createRenderer } from '../src/render/create.ts';
import { locateChromium } from '../src/render/chromium.ts';
import { RESOLUTIONS } from '../src/render/presets.ts';
import { benchAnalysisLatency, benchAnalyzeJsonl } from './analysis-bench.ts';
import { benchCappedLists, benchMolecules } from './composition-bench.ts';
import { benchRender, type RenderFigures } from './render-bench.ts';
import { benchSplit } from './split-bench.ts';
import { sceneFromDescription } from '../src/pipeline.ts';
import { benchScenes } from './scenes.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const { values } = parseArgs({ options: { json: { type: 'boolean' }, quick: { type: 'boolean' }, scenes: { type: 'string' }, 'no-api': { type: 'boolean' }, 'no-split': { type: 'boolean' }, 'split-workers': { type: 'string' } } });
const log = (line: string) => {
  if (!values.json) console.log(line);
  else console.error(line);
};

const config = loadConfig();
const { renderer, gpu } = await createRenderer(config);
const dir = mkdtempSync(join(tmpdir(), 'devforge-bench-'));
const report: Record<string, unknown> = {
  machine: {
    cpus: cpus().length,
    cpu_model: cpus()[0]?.model,
    node: process.version,
    chromium: execFileSync(locateChromium(config.chromium.path), ['--version']).toString().trim(),
    ffmpeg: execFileSync(renderer.ffmpeg, ['-version']).toString().split('\n')[0],
    gpu: gpu.gpu_present ? gpu.gpus.map((g) => g.name).join(', ') : 'none',
    encoder: gpu.encoder.name,
    x264_preset: config.ffmpeg.x264Preset,
  },
};

try {
  const only = values.scenes?.split(',');
  const scenes = benchScenes().filter((s) => !only || only.includes(s.name));
  const perScene: Record<string, Record<string, RenderFigures & { export_vs_sum: number; export_vs_ffmpeg: number }>> = {};
  for (const s of values.quick ? scenes.slice(0, 1) : scenes) {
    perScene[s.name] = {};
    for (const res of ['720p', '1080p'] as const) {
      const { width, height } = RESOLUTIONS[res];
      log(`bench: ${s.name} ${res} …`);
      const f = await benchRender(renderer, s.make(width, height), dir);
      const row = { ...f, export_vs_sum: +(f.export_s / (f.render_only_s + f.ffmpeg_only_s)).toFixed(2), export_vs_ffmpeg: +(f.export_s / f.ffmpeg_only_s).toFixed(2) };
      perScene[s.name]![res] = row;
      log(`  ${JSON.stringify(row)}`);
    }
  }
  const primary = perScene.bars ?? Object.values(perScene)[0]!;
  for (const res of ['720p', '1080p'] as const) {
    report[`render_only_${res}_s`] = primary[res]!.render_only_s;
    report[`ffmpeg_only_${res}_s`] = primary[res]!.ffmpeg_only_s;
    report[`export_${res}_s`] = primary[res]!.export_s;
  }
  report.primary_scene = perScene.bars ? 'bars' : Object.keys(perScene)[0];
  report.scenes = perScene;

  if (!values.quick && !values['no-split']) {
    // A 60 s 1080p render (the product's example length) on one worker and split over two (--split-workers 2,4: more).
    const counts = (values['split-workers'] ?? '2').split(',').map(Number);
    log(`bench: 60 s 1080p on one worker and split over ${counts.join(', ')} …`);
    const { width, height } = RESOLUTIONS['1080p'];
    const scene = sceneFromDescription('Demonstrate bubble sort on 5 3 8 1 9 2 7 4', { width, height, fps: 30, duration: 60 }).scene;
    report.split_1080p_60s = await benchSplit(config, gpu.encoder, gpu.chromium_gpu, scene, counts, dir);
    log(`  ${JSON.stringify(report.split_1080p_60s)}`);
  }

  log('bench: analysis …');
  const latency = benchAnalysisLatency();
  const jsonl = await benchAnalyzeJsonl(1000);
  report.analysis = { ...latency, jsonl_1000_s: jsonl.seconds, capped_10000_values_ms: benchCappedLists() };

  log('bench: molecule structures …');
  report.molecules = benchMolecules();

  if (!values['no-api']) {
    // The API figures come from a real server process under autocannon (app/bench/api.ts).
    log('bench: API (autocannon against a running server) …');
    const out = execFileSync(process.execPath, [fileURLToPath(new URL('./api.ts', import.meta.url))], { maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] });
    report.api = JSON.parse(out.toString());
  }
} finally {
  await renderer.close();
  rmSync(dir, { recursive: true, force: true });
}

if (values.json) console.log(JSON.stringify(report));
else console.log(JSON.stringify(report, null, 2));
