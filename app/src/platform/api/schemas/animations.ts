// Request and response schemas of the animation routes: these validate requests and generate the
// OpenAPI document, so the two cannot drift.
import { z } from 'zod';
import { CAPTION_MODES } from '../../../scene/schema.ts';
import { ASPECTS } from '../../../render/presets.ts';
import { STYLE_NAMES } from '../../../scene/themes.ts';
import { ANIMATION_STATUSES } from '../../db/entities/animation.ts';
import { ANIMATION_OWNER_FILTERS } from '../../domain/queries/animations.ts';
import { isoDate } from './common.ts';

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #2563eb');

export const brandingSchema = z
  .strictObject({
    logo: z
      .string()
      .max(700_000)
      .regex(/^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+$/, 'a data: URL of a PNG, JPEG or SVG image (base64)')
      .optional()
      .describe('Logo drawn in the top-left corner, as a data: URL (at most ~500 KB).'),
    colors: z.strictObject({ primary: hexColor.optional(), text: hexColor.optional() }).optional(),
    watermark: z.string().min(1).max(80).optional().describe('Text drawn faintly over every frame.'),
    product_name: z.string().min(1).max(60).optional(),
  })
  .describe('Branding drawn over the animation.');

export const QUALITIES = ['720p', '1080p', '4k'] as const;

export const generateBody = z.strictObject({
  description: z.string().describe('What to animate, in plain words (at most analysis.maxDescriptionLength characters, 2000 by default).'),
  style: z.enum(STYLE_NAMES).optional().describe("Visual style; default: the template's own."),
  quality: z
    .enum(QUALITIES)
    .optional()
    .describe("Output resolution; default: render.defaultResolution (1080p unless configured), capped at the license's highest quality. Asking for more than the license allows is refused with 403 license-limit."),
  aspect: z
    .enum(ASPECTS)
    .default('16:9')
    .describe("The frame's shape: 16:9 (the default), 9:16 (phones), 1:1 or 4:3. The quality names the short side: 720p at 9:16 is 720×1280. Every template lays itself out for the shape, inside the 5% title-safe margin."),
  duration: z.number().positive().max(3600).optional().describe("Length in seconds (at most render.maxDurationS, 600 by default); default: the template's natural length."),
  fps: z
    .union([z.literal(24), z.literal(30), z.literal(60)])
    .optional()
    .describe('Frame rate; default render.defaultFps.'),
  captions: z
    .enum(CAPTION_MODES)
    .default('burn_in')
    .describe('Where the narration shows: burn_in draws it in the frame (the .vtt is still written, for players and screen readers); sidecar leaves the frame clean and writes only the .vtt; both is the same as burn_in.'),
  voice: z
    .string()
    .max(64)
    .default('off')
    .describe('A voice that speaks the narration, mixed into the MP4 as AAC: a name from GET /voices (espeak-ng voices, e.g. "en-us"), or "off" (the default) for no sound. An unknown name is answered with 422 and the list.'),
  templates: z.array(z.string().max(64)).max(20).optional().describe('Template ids the caller thinks fit (hints).'),
  template: z.string().max(64).optional().describe('Use this template, skipping recognition.'),
  params: z.record(z.string(), z.unknown()).optional().describe('Explicit params for `template` (see GET /templates).'),
  fallback: z
    .enum(['title_card'])
    .optional()
    .describe(
      'What to do with a description that was not understood: by default it is answered with 422 urn:devforge:problem:not-understood and the closest templates; "title_card" renders its words as a title card instead (said in the warnings). A description missing its data (needs) is still a 422.',
    ),
  custom_branding: brandingSchema.optional(),
  webhook_url: z.string().max(2048).optional().describe('Receives a signed POST when the animation completes or fails.'),
  priority: z.enum(['low', 'normal', 'high']).default('normal').describe('Queue priority.'),
});
export type GenerateBody = z.infer<typeof generateBody>;

export const linksSchema = z.record(z.string(), z.string()).describe('Related URLs: self, events, video, poster, captions, scene, cancel, rerender.');

export const queuedSchema = z.object({
  id: z.uuid(),
  status: z.literal('queued'),
  estimated_completion: isoDate,
  links: linksSchema,
});

export const animationSchema = z.object({
  id: z.uuid(),
  status: z.enum(ANIMATION_STATUSES),
  progress: z.number().min(0).max(1),
  error: z.string().nullable(),
  description: z.string(),
  title: z.string().nullable().describe('Its name in the library, set with PUT /animations/{id}/title; null: untitled (show the description).'),
  style: z.string(),
  quality: z.enum(QUALITIES),
  fps: z.number(),
  duration: z.number(),
  template: z.string(),
  params: z.record(z.string(), z.unknown()),
  facts: z.record(z.string(), z.unknown()),
  confidence: z.number().nullable(),
  warnings: z.array(z.string()),
  batch_id: z.uuid().nullable(),
  client_id: z.string().nullable(),
  attempts: z.number(),
  generation: z.number(),
  org_visible: z.boolean().describe('Anyone signed in may view it (PATCH /animations/{id} sets it).'),
  outputs: z.object({ video_bytes: z.number(), poster_bytes: z.number(), captions_bytes: z.number(), width: z.number(), height: z.number(), frames: z.number(), render_seconds: z.number() }).nullable(),
  created_at: isoDate,
  updated_at: isoDate,
  started_at: isoDate.nullable(),
  completed_at: isoDate.nullable(),
  estimated_completion: isoDate.nullable(),
  links: linksSchema,
});

export const listQuery = z.object({
  status: z.enum(ANIMATION_STATUSES).optional(),
  template: z.string().max(64).optional(),
  batch_id: z.uuid().optional(),
  q: z.string().max(200).optional().describe('Text the description or the title contains.'),
  owner: z
    .enum(ANIMATION_OWNER_FILTERS)
    .default('me-or-shared')
    .describe("Whose: me (yours), shared (others' shared with you or one of your IdP groups, or open to everyone signed in), me-or-shared (both, the default), all (every user's; admins only)."),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional().describe('next_cursor of the previous page.'),
});

export const animationListSchema = z.object({ animations: z.array(animationSchema), next_cursor: z.string().nullable() });

export const batchBody = z.strictObject({
  animations: z
    .array(generateBody.extend({ id: z.string().min(1).max(128).optional().describe('Your own id for this item, echoed back.') }))
    .min(1)
    .max(100),
  callback_url: z.string().max(2048).optional().describe('Receives one signed POST when every item has finished.'),
});

export const batchCreatedSchema = z.object({
  batch_id: z.uuid(),
  status: z.literal('processing'),
  animations: z.array(z.object({ id: z.uuid(), client_id: z.string().nullable(), status: z.literal('queued'), estimated_completion: isoDate })),
});

export const batchSchema = z.object({
  batch_id: z.uuid(),
  status: z.enum(['processing', 'completed']),
  created_at: isoDate,
  completed_at: isoDate.nullable(),
  callback_url: z.string().nullable(),
  counts: z.record(z.string(), z.number()),
  animations: z.array(animationSchema),
});
