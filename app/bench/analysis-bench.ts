// Analysis speed: in-process latency per description after warm-up, and the CLI over 1,000 lines.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/analysis/analyze.ts';
import { TEMPLATES } from '../src/templates/registry.ts';

const BIN = fileURLToPath(new URL('../bin/devforge.js', import.meta.url));

function descriptions(): string[] {
  const base = TEMPLATES.map((t) => t.example);
  const varied = [
    'Walk me through bubblesort with [9, 4, 7, 1]',
    'How does quicksort work on 3 1 2?',
    'Projectile launched at 20 m/s at 45 degrees',
    'Plot y = x^2 - 4 from -3 to 3',
    'Our incident response process: detect, triage, contain, recover',
    'Welcome to the quarterly all-hands',
  ];
  return [...base, ...varied];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function benchAnalysisLatency(rounds = 40): { p50_ms: number; p95_ms: number; samples: number } {
  const texts = descriptions();
  for (const t of texts) analyze(t); // warm-up: JIT, caches
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const t of texts) {
      const t0 = performance.now();
      analyze(t);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { p50_ms: round(percentile(times, 50)), p95_ms: round(percentile(times, 95)), samples: times.length };
}

export async function benchAnalyzeJsonl(lines = 1000): Promise<{ lines: number; seconds: number }> {
  const texts = descriptions();
  const input = Array.from({ length: lines }, (_, i) => texts[i % texts.length]).join('\n') + '\n';
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = execFile(process.execPath, [BIN, 'analyze', '--jsonl'], { maxBuffer: 1 << 26 }, (err, stdout) => {
      if (err) return reject(new Error(`devforge analyze --jsonl failed: ${err.message}`, { cause: err }));
      const count = stdout.trim().split('\n').length;
      if (count !== lines) return reject(new Error(`expected ${lines} lines, got ${count}`));
      resolve();
    });
    child.stdin!.end(input);
  });
  return { lines, seconds: Math.round(performance.now() - t0) / 1000 };
}
