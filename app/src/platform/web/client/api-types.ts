// The shapes the web app reads, inferred from the API's own zod schemas: imported as types only, so no
// server code lands in the browser bundle and a change to a schema is a type error here.
import type { z } from 'zod';
import type { analysisSchema, templateSchema } from '../../api/routes/analysis.ts';
import type { keySchema } from '../../api/routes/api-keys.ts';
import type { entrySchema } from '../../api/routes/audit.ts';
import type { meSchema, sessionSchema } from '../../api/routes/auth.ts';
import type { sharesSchema } from '../../api/routes/shares.ts';
import type { deliverySchema } from '../../api/routes/webhooks.ts';
import type { animationListSchema, animationSchema, batchBody, batchCreatedSchema, batchSchema, generateBody, listQuery, queuedSchema } from '../../api/schemas/animations.ts';
import type { ssoSchema, ssoTestSchema } from '../../api/routes/sso.ts';
import type { ltiPlatformBody, ltiPlatformSchema, ltiToolSchema } from '../../api/routes/lti.ts';
import type { brandingSchema, settingsSchema } from '../../api/routes/branding.ts';
import type { systemSchema } from '../../api/routes/system.ts';
import type { usageSchema } from '../../api/routes/usage.ts';
import type { userSchema } from '../../api/routes/users.ts';
import type { licenseStatusSchema } from '../../api/presenters/license.ts';
import type { Action } from '../../domain/policy.ts';
import type { Scene } from '../../../scene/schema.ts';

export type Me = z.infer<typeof meSchema>;
export type Session = z.infer<typeof sessionSchema>;
export type ApiKey = z.infer<typeof keySchema>;
export type NewApiKey = ApiKey & { key: string };
export type Analysis = z.infer<typeof analysisSchema>;
export type Template = z.infer<typeof templateSchema>;
export type Animation = z.infer<typeof animationSchema>;
export type AnimationList = z.infer<typeof animationListSchema>;
export type ListQuery = Partial<z.input<typeof listQuery>>;
export type GenerateBody = z.input<typeof generateBody>;
export type Queued = z.infer<typeof queuedSchema>;
export type Shares = z.infer<typeof sharesSchema>;
export type Delivery = z.infer<typeof deliverySchema>;
export type AuditEntry = z.infer<typeof entrySchema>;
export type License = z.infer<typeof licenseStatusSchema>;
export type Quality = Animation['quality'];
export type User = z.infer<typeof userSchema>;
export type Usage = z.infer<typeof usageSchema>;
export type SystemReport = z.infer<typeof systemSchema>;
export type SsoSettings = z.infer<typeof ssoSchema>;
export type LtiPlatform = z.infer<typeof ltiPlatformSchema>;
export type LtiPlatformInput = z.input<typeof ltiPlatformBody>;
export type LtiTool = z.infer<typeof ltiToolSchema>;
export type BrandingSettings = z.infer<typeof brandingSchema>;
export type BrandingInput = z.infer<typeof settingsSchema>;
export type SsoTest = z.infer<typeof ssoTestSchema>;
export type BatchBody = z.input<typeof batchBody>;
export type BatchCreated = z.infer<typeof batchCreatedSchema>;
export type Batch = z.infer<typeof batchSchema>;
export type { Action, Scene };

/** POST /scenes/preview's answer. */
export interface ScenePreview {
  analysis: Analysis;
  scene: Scene;
  assets: { math: Record<string, string> };
}
