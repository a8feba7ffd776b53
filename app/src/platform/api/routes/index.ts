// Every /api/v1 route, in the order the reference lists them.
import type { ApiServices } from '../../services.ts';
import type { AnyRoute } from '../route.ts';
import { analysisRoutes } from './analysis.ts';
import { animationRoutes } from './animations.ts';
import { apiKeyRoutes } from './api-keys.ts';
import { auditRoutes } from './audit.ts';
import { authRoutes } from './auth.ts';
import { batchRoutes } from './batches.ts';
import { brandingRoutes } from './branding.ts';
import { dataRightsRoutes } from './data-rights.ts';
import { eventRoutes } from './events.ts';
import { licenseRoutes } from './license.ts';
import { ltiRoutes } from './lti.ts';
import { outputRoutes } from './outputs.ts';
import { shareRoutes } from './shares.ts';
import { ssoRoutes } from './sso.ts';
import { systemRoutes } from './system.ts';
import { usageRoutes } from './usage.ts';
import { userRoutes } from './users.ts';
import { webhookRoutes } from './webhooks.ts';

export function apiRoutes(s: ApiServices): AnyRoute[] {
  return [
    ...authRoutes(s),
    ...apiKeyRoutes(s),
    ...userRoutes(s),
    ...dataRightsRoutes(s),
    ...analysisRoutes(s),
    ...batchRoutes(s),
    ...animationRoutes(s),
    ...shareRoutes(s),
    ...eventRoutes(s),
    ...outputRoutes(s),
    ...webhookRoutes(s),
    ...auditRoutes(s),
    ...licenseRoutes(s),
    ...usageRoutes(s),
    ...systemRoutes(s),
    ...ssoRoutes(s),
    ...brandingRoutes(s),
    ...ltiRoutes(s),
  ];
}
