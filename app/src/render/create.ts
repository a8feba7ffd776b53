// Builds a Renderer for this machine: detects GPUs and the encoder once, then keeps them.
import type { DevforgeConfig } from '../config/schema.ts';
import { detectGpus, type GpuReport } from '../gpu/detect.ts';
import { requireFfmpeg } from '../ffmpeg/process.ts';
import { Renderer, type RenderLog } from './renderer.ts';

export async function createRenderer(config: DevforgeConfig, log: RenderLog = () => {}): Promise<{ renderer: Renderer; gpu: GpuReport }> {
  const ffmpeg = requireFfmpeg(config.ffmpeg.path);
  // Detection speaks only when a GPU is there but its encoder is not: worth a warning.
  const gpu = await detectGpus({ nvidiaSmiPath: config.gpu.nvidiaSmiPath, ffmpegPath: ffmpeg, timeoutMs: config.gpu.probeTimeoutMs, mode: config.gpu.mode as 'auto' | 'off', log: (line) => log(line, 'warn') });
  return { renderer: new Renderer({ config, encoder: gpu.encoder, chromiumGpu: gpu.chromium_gpu, log }), gpu };
}
