// GET /system for administrators: the appliance's version, GPUs and encoder, workers and what each renders,
// the queue by state, storage, database and health (domain/queries/system.ts). The GPU probe runs
// nvidia-smi and an ffmpeg encode, so it is asked once per process and remembered.
import { z } from 'zod';
import { resolve } from 'node:path';
import { detectGpus, type GpuReport } from '../../../gpu/detect.ts';
import { systemReport } from '../../domain/queries/system.ts';
import { runChecks } from '../../server/health.ts';
import { VERSION } from '../../server/version.ts';
import type { ApiServices } from '../../services.ts';
import { defineRoute, reply, type AnyRoute } from '../route.ts';

const gpuSchema = z.object({
  index: z.number(),
  uuid: z.string(),
  name: z.string(),
  driver_version: z.string(),
  memory_total_mib: z.number(),
  memory_used_mib: z.number(),
  memory_free_mib: z.number(),
  utilization_pct: z.number().nullable(),
});
const checkSchema = z.object({ ok: z.boolean(), error: z.string().optional(), ms: z.number() });

export const systemSchema = z.object({
  version: z.string(),
  node: z.string(),
  process: z.object({ role: z.string(), concurrency: z.number().describe('Renders this process runs at once (0: it runs no worker).'), uptime_s: z.number() }),
  gpus: z.object({
    gpus: z.array(gpuSchema),
    gpu_present: z.boolean(),
    chromium_gpu: z.boolean(),
    encoder: z.object({ name: z.string(), hardware: z.boolean(), reason: z.string() }),
    error: z.string().optional(),
  }),
  workers: z.array(
    z.object({
      worker: z.string(),
      rendering: z.array(z.object({ animation_id: z.string(), description: z.string(), progress: z.number(), started_at: z.string().nullable() })),
      renders_30d: z.number(),
      last_render_at: z.string().nullable(),
    }),
  ),
  queue: z.array(z.object({ queue: z.string(), state: z.string(), jobs: z.number() })).describe('pg-boss jobs per queue and state (created, retry, active, completed, cancelled, failed).'),
  storage: z.object({ kind: z.enum(['local', 's3']), location: z.string(), reachable: z.boolean(), error: z.string().nullable() }),
  database: z.object({ version: z.string(), size_bytes: z.number() }),
  health: z.object({ ok: z.boolean(), checks: z.record(z.string(), checkSchema) }),
});

export function systemRoutes(s: ApiServices): AnyRoute[] {
  let gpus: Promise<GpuReport> | undefined;
  const probe = () =>
    (gpus ??= detectGpus({ nvidiaSmiPath: s.config.gpu.nvidiaSmiPath, ffmpegPath: s.config.ffmpeg.path, timeoutMs: s.config.gpu.probeTimeoutMs, mode: s.config.gpu.mode as 'auto' | 'off', log: (line) => s.log.info(line) }));
  const { storage: cfg } = s.config;
  const location = cfg.driver === 's3' ? `bucket ${cfg.s3.bucket} at ${cfg.s3.endpoint || 'AWS S3'}` : resolve(cfg.localDir || `${s.config.data.dir}/objects`);
  return [
    defineRoute({
      method: 'get',
      path: '/system',
      tag: 'system',
      summary: 'The appliance: version, GPUs and encoder found, workers and what each renders now, queue depth by state, storage, database and health.',
      action: 'system.read',
      responses: { 200: { description: 'The report.', schema: systemSchema } },
      handler: async (ctx, { principal }) => {
        const role = s.config.server.role;
        const report = await systemReport(s.db, principal, {
          version: VERSION,
          gpus: probe,
          health: () => runChecks(s.readiness),
          storage: { kind: s.storage.kind, location, ping: () => s.storage.ping() },
          process: { role, concurrency: role === 'api' ? 0 : s.config.worker.concurrency || Math.max(1, (await probe()).gpus.length) },
        });
        ctx.set('cache-control', 'no-store');
        reply(ctx, 200, report);
      },
    }),
  ];
}
