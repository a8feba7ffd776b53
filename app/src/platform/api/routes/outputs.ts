// An animation's files: video (Range requests, or a redirect to a presigned URL with S3), poster,
// captions, and the scene spec it was rendered from.
import type { Context } from 'koa';
import { z } from 'zod';
import type { Principal } from '../../auth/principal.ts';
import { recordAudit, type Origin } from '../../domain/audit/record.ts';
import { getAnimationScene, getOutputFile, type OutputName } from '../../domain/queries/animations.ts';
import type { ApiServices } from '../../services.ts';
import { Problem } from '../problems.ts';
import { readableFileName } from '../file-names.ts';
import { parseRange } from '../range.ts';
import { defineRoute, reply, type AnyRoute } from '../route.ts';
import { uuidParam } from '../schemas/common.ts';

const FILES: Record<OutputName, { ext: string; type: string }> = {
  video: { ext: 'mp4', type: 'video/mp4' },
  poster: { ext: 'png', type: 'image/png' },
  captions: { ext: 'vtt', type: 'text/vtt; charset=utf-8' },
};

/**
 * One audit entry per fetch of a file, not per byte range: a player streaming a video asks for many
 * ranges, and only the first (none, or one starting at byte 0) is a new download.
 */
function isNewDownload(range: string | undefined): boolean {
  return !range || /^bytes=0-/.test(range.trim());
}

async function serveOutput(s: ApiServices, ctx: Context, principal: Principal, origin: Origin, id: string, name: OutputName, download: boolean): Promise<void> {
  const { key, generation, description, title } = await getOutputFile(s.db, principal, id, name);
  if (isNewDownload(ctx.get('range') || undefined)) await recordAudit(s.db, { actor: principal, action: 'animation.download', target: { type: 'animation', id }, origin, details: { file: name, generation, attachment: download } });
  const file = FILES[name];
  // Named as the library shows it: the owner's title when there is one.
  const filename = readableFileName(title ?? description, id, file.ext);
  const url = await s.storage.downloadUrl(key, filename);
  if (url) {
    ctx.redirect(url);
    return;
  }
  const info = await s.storage.stat(key);
  if (!info) throw new Problem('not-found', `the ${name} file is missing from storage; re-render the animation to make it again`);
  ctx.set('accept-ranges', 'bytes');
  ctx.set('cache-control', 'private, max-age=3600');
  ctx.set('etag', `"${id}-${generation}-${name}"`);
  if (download) ctx.set('content-disposition', `attachment; filename="${filename}"`);
  ctx.type = file.type;
  const range = parseRange(ctx.get('range') || undefined, info.size);
  if (range === 'unsatisfiable') throw new Problem('range-not-satisfiable', `the file has ${info.size} bytes`, {}, { 'content-range': `bytes */${info.size}` });
  if (range) {
    ctx.status = 206;
    ctx.set('content-range', `bytes ${range.start}-${range.end}/${info.size}`);
    ctx.length = range.end - range.start + 1;
  } else {
    ctx.status = 200;
    ctx.length = info.size;
  }
  // Koa sends no body for HEAD and closes the stream when the response ends.
  ctx.body = await s.storage.read(key, range);
}

const downloadQuery = z.object({ download: z.enum(['0', '1', 'true', 'false']).optional().describe('1: as an attachment (Save as…).') });

export function outputRoutes(s: ApiServices): AnyRoute[] {
  const output = (name: OutputName, path: string, summary: string) =>
    defineRoute({
      method: 'get',
      path,
      tag: 'outputs',
      summary,
      action: 'animation.read',
      params: uuidParam,
      query: downloadQuery,
      responses: {
        200: { description: 'The file.', type: FILES[name].type },
        206: { description: 'The requested byte range.', type: FILES[name].type },
        302: { description: 'Redirect to a presigned storage URL (S3 with presignedDownloads).' },
        409: { description: 'Not rendered yet (output-not-ready).' },
        416: { description: 'Range outside the file.' },
      },
      handler: (ctx, { params, query, principal, origin }) => serveOutput(s, ctx, principal, origin, params.id, name, query.download === '1' || query.download === 'true'),
    });
  return [
    output('video', '/animations/:id/video', 'The MP4 (H.264). Supports Range requests.'),
    output('poster', '/animations/:id/poster', 'The poster frame (PNG).'),
    output('captions', '/animations/:id/captions.vtt', 'The captions (WebVTT).'),
    defineRoute({
      method: 'get',
      path: '/animations/:id/scene',
      tag: 'outputs',
      summary: 'The scene spec the animation renders from (versioned JSON).',
      action: 'animation.read',
      params: uuidParam,
      responses: { 200: { description: 'The scene spec.', schema: z.record(z.string(), z.unknown()) } },
      handler: async (ctx, { params, principal }) => reply(ctx, 200, await getAnimationScene(s.db, principal, params.id)),
    }),
  ];
}
