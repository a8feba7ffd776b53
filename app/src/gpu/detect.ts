// Detects NVIDIA GPUs with nvidia-smi and whether ffmpeg can encode H.264 on them (NVENC).
// A missing nvidia-smi means "no GPU", not an error. Encoding capability is probed, never assumed:
// data-centre chips such as the H100 and H200 have no NVENC at all.
import { execFile } from 'node:child_process';
import { findBinary } from '../util/find-binary.ts';
import { nvencProbeArgs } from '../ffmpeg/args.ts';
import { runFfmpeg } from '../ffmpeg/process.ts';

export interface GpuInfo {
  index: number;
  uuid: string;
  name: string;
  driver_version: string;
  memory_total_mib: number;
  memory_used_mib: number;
  memory_free_mib: number;
  utilization_pct: number | null;
}

export interface EncoderChoice {
  name: 'libx264' | 'h264_nvenc';
  hardware: boolean;
  reason: string;
}

export interface GpuReport {
  gpus: GpuInfo[];
  gpu_present: boolean;
  /** Chromium gets GPU flags when a GPU is present. */
  chromium_gpu: boolean;
  encoder: EncoderChoice;
  /** What went wrong running nvidia-smi, when it exists but failed. */
  error?: string;
}

export const QUERY_FIELDS = ['index', 'uuid', 'name', 'driver_version', 'memory.total', 'memory.used', 'memory.free', 'utilization.gpu'];

/** Chips NVIDIA ships without NVENC; the probe would fail on them too, this only words the reason. */
const NO_NVENC = /\b(H100|H200|H800|A100|A30|A800)\b/i;

function numberOrNull(s: string | undefined): number | null {
  const n = Number(s);
  return s === undefined || s.trim() === '' || Number.isNaN(n) ? null : n;
}

/** Parses `nvidia-smi --query-gpu=<QUERY_FIELDS> --format=csv,noheader,nounits`. */
export function parseQueryCsv(csv: string): GpuInfo[] {
  return csv
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const f = line.split(',').map((s) => s.trim());
      return {
        index: Number(f[0]),
        uuid: f[1] ?? '',
        name: f[2] ?? '',
        driver_version: f[3] ?? '',
        memory_total_mib: numberOrNull(f[4]) ?? 0,
        memory_used_mib: numberOrNull(f[5]) ?? 0,
        memory_free_mib: numberOrNull(f[6]) ?? 0,
        utilization_pct: numberOrNull(f[7]),
      };
    })
    .filter((g) => Number.isInteger(g.index));
}

function exec(binary: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(binary, args, { timeout: timeoutMs, encoding: 'utf8' }, (err, stdout, stderr) => {
      // Node kills the child at the timeout and reports only "Command failed"; say what happened instead.
      if (err?.killed) reject(new Error(`${binary} did not answer within ${timeoutMs} ms and was stopped`));
      else if (err) reject(new Error(`${err.message}${stderr ? `: ${stderr.trim()}` : ''}`));
      else resolve(stdout);
    });
  });
}

export interface DetectOptions {
  nvidiaSmiPath: string;
  ffmpegPath: string;
  timeoutMs: number;
  mode: 'auto' | 'off';
  log?: (line: string) => void;
}

export async function listGpus(opts: Pick<DetectOptions, 'nvidiaSmiPath' | 'timeoutMs'>): Promise<{ gpus: GpuInfo[]; error?: string }> {
  const binary = findBinary(opts.nvidiaSmiPath);
  if (!binary) return { gpus: [] };
  try {
    const out = await exec(binary, [`--query-gpu=${QUERY_FIELDS.join(',')}`, '--format=csv,noheader,nounits'], opts.timeoutMs);
    return { gpus: parseQueryCsv(out) };
  } catch (err) {
    // nvidia-smi present but failing (driver not loaded, container without devices): no usable GPU.
    return { gpus: [], error: `nvidia-smi failed: ${(err as Error).message}` };
  }
}

export async function probeNvenc(ffmpegPath: string, timeoutMs: number): Promise<{ ok: boolean; error?: string }> {
  try {
    await runFfmpeg(ffmpegPath, nvencProbeArgs(), undefined, timeoutMs);
    return { ok: true };
  } catch (err) {
    return { ok: false, error: (err as Error).message.split('\n')[0] };
  }
}

export async function detectGpus(opts: DetectOptions): Promise<GpuReport> {
  const log = opts.log ?? (() => {});
  const software = (reason: string): EncoderChoice => ({ name: 'libx264', hardware: false, reason });
  if (opts.mode === 'off') return { gpus: [], gpu_present: false, chromium_gpu: false, encoder: software('GPU use is off (gpu.mode = off)') };
  const { gpus, error } = await listGpus(opts);
  if (gpus.length === 0) {
    const reason = error ? `no usable NVIDIA GPU (${error})` : 'no NVIDIA GPU found (nvidia-smi not present)';
    return { gpus, gpu_present: false, chromium_gpu: false, encoder: software(reason), ...(error ? { error } : {}) };
  }
  const names = [...new Set(gpus.map((g) => g.name))].join(', ');
  const probe = await probeNvenc(opts.ffmpegPath, opts.timeoutMs);
  let encoder: EncoderChoice;
  if (probe.ok) encoder = { name: 'h264_nvenc', hardware: true, reason: `NVENC available on ${names}` };
  else {
    const expected = gpus.every((g) => NO_NVENC.test(g.name));
    const why = expected ? `${names} has no NVENC encoder` : `NVENC probe failed on ${names}: ${probe.error}`;
    encoder = software(`GPU present, encoder absent: ${why}; encoding with libx264`);
    // A data-centre GPU without NVENC is the expected case (the report says so; repeating it on every
    // render is noise). A failed probe on a GPU that has NVENC is a driver problem worth a warning.
    if (!expected) log(`gpu: ${encoder.reason}`);
  }
  return { gpus, gpu_present: true, chromium_gpu: true, encoder };
}
