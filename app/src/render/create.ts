// Builds a Renderer for this machine: detects GPUs and the encoder once, then keeps them.
import type { DevforgeConfig } from '../config/schema.ts';
import { detectGpus, type GpuReport } from '../gpu/detect.ts';
import { requireFfmpeg } from '../ffmpeg/process.ts';
import { Renderer } from './renderer.ts';

export async function createRenderer(config: DevforgeConfig, log: (line: string) => void = () => {}): Promise<{ renderer: Renderer; gpu: GpuReport }> {
  const ffmpeg = requireFfmpeg(config.ffmpeg.path);
  const gpu = await detectGpus({ nvidiaSmiPath: config.gpu.nvidiaSmiPath, ffmpegPath: ffmpeg, timeoutMs: config.gpu.probeTimeoutMs, mode: config.gpu.mode as 'auto' | 'off', log });
  return { renderer: new Renderer({ config, encoder: gpu.encoder, chromiumGpu: gpu.chromium_gpu, log }), gpu };
}
