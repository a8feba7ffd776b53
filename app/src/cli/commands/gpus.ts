// devforge gpus: what GPUs and which video encoder this machine has, as JSON.
import { loadConfig } from '../../config/load.ts';
import { detectGpus } from '../../gpu/detect.ts';
import { parse } from '../args.ts';

export async function gpusCommand(args: string[]): Promise<number> {
  parse(args, {});
  const config = loadConfig();
  const report = await detectGpus({
    nvidiaSmiPath: config.gpu.nvidiaSmiPath,
    ffmpegPath: config.ffmpeg.path,
    timeoutMs: config.gpu.probeTimeoutMs,
    mode: config.gpu.mode as 'auto' | 'off',
    log: (line) => console.error(line),
  });
  console.log(JSON.stringify(report, null, 2));
  return 0;
}
