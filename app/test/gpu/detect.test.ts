// GPU detection against a fake nvidia-smi that prints real output captured on an H200
// (app/test/fixtures/nvidia-smi/h200), put first on PATH.
import test from 'ava';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectGpus, parseQueryCsv, QUERY_FIELDS } from '../../src/gpu/detect.ts';
import { findBinary } from '../../src/util/find-binary.ts';

const H200_CSV = fileURLToPath(new URL('../fixtures/nvidia-smi/h200/query-gpu-nounits.csv', import.meta.url));
const ffmpeg = findBinary('ffmpeg')!;

function fakeNvidiaSmi(script: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'fake-nvidia-smi-'));
  const file = join(dir, 'nvidia-smi');
  writeFileSync(file, `#!/bin/sh\n${script}\n`);
  chmodSync(file, 0o755);
  return dir;
}

test('parses the H200 query output', (t) => {
  const gpus = parseQueryCsv('0, GPU-fe4b81b2-b4f6-415e-ffa1-72865f5bab87, NVIDIA H200, 580.159.04, 143771, 0, 143156, 0\n');
  t.deepEqual(gpus, [{ index: 0, uuid: 'GPU-fe4b81b2-b4f6-415e-ffa1-72865f5bab87', name: 'NVIDIA H200', driver_version: '580.159.04', memory_total_mib: 143771, memory_used_mib: 0, memory_free_mib: 143156, utilization_pct: 0 }]);
});

test('an H200 is reported as GPU present, encoder absent (it has no NVENC)', async (t) => {
  // The fake checks it was asked for exactly the fields the parser expects.
  const dir = fakeNvidiaSmi(`[ "$1" = "--query-gpu=${QUERY_FIELDS.join(',')}" ] && [ "$2" = "--format=csv,noheader,nounits" ] || exit 9\ncat '${H200_CSV}'`);
  const remarks: string[] = [];
  const report = await detectGpus({ nvidiaSmiPath: join(dir, 'nvidia-smi'), ffmpegPath: ffmpeg, timeoutMs: 10_000, mode: 'auto', log: (line) => remarks.push(line) });
  t.deepEqual(remarks, [], 'the expected case is in the report, not a warning on every render');
  t.true(report.gpu_present);
  t.true(report.chromium_gpu);
  t.is(report.gpus.length, 1);
  t.is(report.gpus[0]!.name, 'NVIDIA H200');
  t.is(report.encoder.name, 'libx264');
  t.false(report.encoder.hardware);
  t.regex(report.encoder.reason, /^GPU present, encoder absent: NVIDIA H200 has no NVENC encoder/);
});

test('a failed NVENC probe on a GPU that has NVENC is a warning', async (t) => {
  const dir = fakeNvidiaSmi("echo '0, GPU-00000000-0000-0000-0000-000000000000, NVIDIA RTX A4000, 580.159.04, 16376, 0, 16000, 0'");
  const remarks: string[] = [];
  // An ffmpeg that always fails stands for a broken driver, whatever this machine's GPU.
  const report = await detectGpus({ nvidiaSmiPath: join(dir, 'nvidia-smi'), ffmpegPath: '/bin/false', timeoutMs: 10_000, mode: 'auto', log: (line) => remarks.push(line) });
  t.is(report.encoder.name, 'libx264');
  t.is(remarks.length, 1);
  t.regex(remarks[0]!, /^gpu: GPU present, encoder absent: NVENC probe failed on NVIDIA RTX A4000/);
});

test('no nvidia-smi means no GPU, not an error', async (t) => {
  const report = await detectGpus({ nvidiaSmiPath: '/nonexistent/nvidia-smi', ffmpegPath: ffmpeg, timeoutMs: 5000, mode: 'auto' });
  t.false(report.gpu_present);
  t.is(report.encoder.name, 'libx264');
  t.is(report.error, undefined);
});

test('a failing nvidia-smi (driver not loaded) is reported, and rendering stays on the CPU', async (t) => {
  const dir = fakeNvidiaSmi('echo "NVIDIA-SMI has failed because it couldn\'t communicate with the NVIDIA driver." >&2; exit 9');
  const report = await detectGpus({ nvidiaSmiPath: join(dir, 'nvidia-smi'), ffmpegPath: ffmpeg, timeoutMs: 5000, mode: 'auto' });
  t.false(report.gpu_present);
  t.regex(report.error ?? '', /couldn't communicate with the NVIDIA driver/);
});

// No clock in the assert: had the timeout not fired, nvidia-smi would have exited cleanly after 30 s with no error.
// `exec` makes the sleep itself the process that is stopped, so nothing is left running.
test('a hanging nvidia-smi is cut off by the timeout', async (t) => {
  const dir = fakeNvidiaSmi('exec sleep 30');
  const report = await detectGpus({ nvidiaSmiPath: join(dir, 'nvidia-smi'), ffmpegPath: ffmpeg, timeoutMs: 500, mode: 'auto' });
  t.false(report.gpu_present);
  t.regex(report.error ?? '', /did not answer within 500 ms and was stopped/);
});

test('gpu.mode off skips detection', async (t) => {
  const report = await detectGpus({ nvidiaSmiPath: 'nvidia-smi', ffmpegPath: ffmpeg, timeoutMs: 5000, mode: 'off' });
  t.false(report.gpu_present);
  t.regex(report.encoder.reason, /gpu.mode = off/);
});
