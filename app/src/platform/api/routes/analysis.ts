// Analysis without rendering: what a description means (POST /analyze), every template with its
// params schema (GET /templates, the UI builds its forms from it), the voices a voice-over can use (GET /voices),
// and a scene for the live preview.
import { z } from 'zod';
import { CAPTION_MODES } from '../../../scene/schema.ts';
import { STYLE_NAMES } from '../../../scene/themes.ts';
import { TEMPLATES } from '../../../templates/registry.ts';
import { analyzeRequest } from '../../domain/commands/animations/compose.ts';
import { previewNarration, previewScene } from '../../domain/commands/animations/preview.ts';
import { voiceCatalogue } from '../../domain/queries/voices.ts';
import type { ApiServices } from '../../services.ts';
import { jsonSchema } from '../openapi.ts';
import { defineRoute, reply, type AnyRoute } from '../route.ts';
import { QUALITIES } from '../schemas/animations.ts';
import { ASPECTS } from '../../../render/presets.ts';
import { DEPTHS, PACES } from '../../../templates/delivery.ts';

const analyzeBody = z.strictObject({
  description: z.string().describe('What to animate (at most analysis.maxDescriptionLength characters).'),
  style: z.enum(STYLE_NAMES).optional(),
  templates: z.array(z.string().max(64)).max(20).optional().describe('Template ids that fit (hints).'),
  template: z.string().max(64).optional().describe('Skip recognition and use this template.'),
  params: z.record(z.string(), z.unknown()).optional().describe('Explicit params for `template`.'),
});

const previewBody = analyzeBody.extend({
  quality: z.enum(QUALITIES).default('720p'),
  aspect: z.enum(ASPECTS).default('16:9').describe("As on generate: the frame's shape."),
  duration: z.number().positive().max(3600).optional(),
  captions: z.enum(CAPTION_MODES).optional().describe('As on generate: burn_in draws the narration in the frame, sidecar leaves the frame clean.'),
  voice: z.string().max(64).optional().describe('As on generate: a name from GET /voices paces each step for its speech; "off" (the default) for none.'),
});

export const analysisSchema = z.object({
  template: z.string(),
  style: z.string(),
  params: z.record(z.string(), z.unknown()),
  facts: z.record(z.string(), z.unknown()),
  confidence: z.number(),
  understood: z.boolean().describe('False when the description was not understood (see suggestions) or names a template without its content (see needs); generating it answers 422.'),
  needs: z
    .object({ data: z.array(z.string()), message: z.string() })
    .optional()
    .describe('The content to add: the params missing and what to type.'),
  alternatives: z.array(z.object({ template: z.string(), confidence: z.number() })),
  warnings: z.array(z.string()),
  matched: z.array(z.string()),
  delivery: z
    .object({ pace: z.enum(PACES), depth: z.enum(DEPTHS), words: z.array(z.string()) })
    .describe(
      'How it was asked to be told: "slowly" holds every step longer, "quickly" shortens it to the reading floor, "in detail"/"step by step"/"for beginners" narrates every step of every round, "overview"/"briefly" summarises sooner; words: the phrases that said so. It never changes the template or the data.',
    ),
  suggestions: z.array(z.object({ template: z.string(), title: z.string(), example: z.string() })).optional(),
});

export const templateSchema = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  style: z.string(),
  example: z.string(),
  params_schema: z.record(z.string(), z.unknown()).describe('JSON Schema of the params.'),
  defaults: z.record(z.string(), z.unknown()),
});

let templateList: z.infer<typeof templateSchema>[] | undefined;
function templates() {
  templateList ??= TEMPLATES.map((t) => ({ id: t.id, title: t.title, category: t.category, style: t.style, example: t.example, params_schema: jsonSchema(t.params, 'input'), defaults: t.params.parse({}) as Record<string, unknown> }));
  return templateList;
}

export function analysisRoutes(s: ApiServices): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/analyze',
      tag: 'analysis',
      summary: 'Analyse a description: template, params (every one, defaults filled), facts, confidence, alternatives, warnings.',
      action: 'analysis.run',
      body: analyzeBody,
      responses: { 200: { description: 'The analysis (see docs/template-contract.md).', schema: analysisSchema } },
      handler: async (ctx, { body }) => reply(ctx, 200, await analyzeRequest(body, s.config, s.scenes)),
    }),
    defineRoute({
      method: 'get',
      path: '/templates',
      tag: 'analysis',
      summary: 'Every template with its params schema, defaults and an example description.',
      action: 'analysis.run',
      responses: { 200: { description: 'Templates.', schema: z.object({ templates: z.array(templateSchema) }) } },
      handler: (ctx) => {
        ctx.set('cache-control', 'private, max-age=300');
        reply(ctx, 200, { templates: templates() });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/voices',
      tag: 'analysis',
      summary: 'The voices the voice-over can speak with on this server (espeak-ng): the names `voice` takes.',
      action: 'analysis.run',
      responses: {
        200: {
          description: 'Voices; none, with the reason in `unavailable`, where espeak-ng is not installed.',
          schema: z.object({ voices: z.array(z.object({ name: z.string(), description: z.string(), gender: z.string() })), unavailable: z.string().optional() }),
        },
      },
      handler: async (ctx) => reply(ctx, 200, await voiceCatalogue(s.config)),
    }),
    defineRoute({
      method: 'post',
      path: '/scenes/preview',
      tag: 'analysis',
      summary: 'The scene spec (and typeset formulas) for a description or edited params, for the live preview player.',
      action: 'analysis.run',
      body: previewBody,
      responses: { 200: { description: 'Analysis, scene spec and assets.', schema: z.object({ analysis: analysisSchema, scene: z.record(z.string(), z.unknown()), assets: z.object({ math: z.record(z.string(), z.string()) }) }) } },
      handler: async (ctx, { body }) => {
        const { analysis, scene, math } = await previewScene(body, s.config, s.scenes);
        reply(ctx, 200, { analysis, scene, assets: { math } });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/scenes/preview/narration',
      tag: 'analysis',
      summary: "The voice-over of a preview: the same request as POST /scenes/preview with a voice, spoken as the export's MP4 will speak it.",
      description: 'A WAV as long as the scene that POST /scenes/preview returns for the same body, to play in time with it.',
      action: 'analysis.run',
      rateLimit: 'generate',
      body: previewBody,
      responses: { 200: { description: 'The narration track.', type: 'audio/wav' }, 422: { description: 'No voice, an unknown voice, or a description that cannot be composed.' } },
      handler: async (ctx, { body }) => {
        const { wav, warnings } = await previewNarration(body, s.config, s.scenes);
        if (warnings.length)
          ctx.set(
            'x-devforge-warnings',
            warnings
              .join(' | ')
              .replace(/[^\x20-\x7e]/g, '?')
              .slice(0, 1000),
          );
        ctx.set('cache-control', 'no-store');
        ctx.type = 'audio/wav';
        ctx.status = 200;
        ctx.body = wav;
      },
    }),
  ];
}
