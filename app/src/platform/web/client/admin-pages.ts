// The admin console's pages: path, label and the action the role needs (from /me's actions). The route
// table mounts them and the console's own nav (parts/admin.tsx) lists those the role may open; the app's
// main nav has one "Admin" link to the first of them.
import { APP_PATHS } from '../app-paths.ts';
import type { Action } from './api-types.ts';

export interface AdminPageInfo {
  path: string;
  label: string;
  needs: Action;
}

export const ADMIN_PAGES: AdminPageInfo[] = [
  { path: APP_PATHS.adminUsers, label: 'Users', needs: 'user.list' },
  { path: APP_PATHS.adminKeys, label: 'API keys', needs: 'api-key.list-all' },
  { path: APP_PATHS.adminWebhooks, label: 'Webhooks', needs: 'webhook.list-all' },
  { path: APP_PATHS.adminLicense, label: 'License', needs: 'license.install' },
  { path: APP_PATHS.adminUsage, label: 'Usage', needs: 'usage.read-all' },
  { path: APP_PATHS.adminSystem, label: 'System', needs: 'system.read' },
  { path: APP_PATHS.adminAudit, label: 'Audit log', needs: 'audit.read' },
  { path: APP_PATHS.adminSso, label: 'Single sign-on', needs: 'sso.read' },
  { path: APP_PATHS.adminBranding, label: 'Branding', needs: 'branding.update' },
  { path: APP_PATHS.adminLti, label: 'LTI (LMS)', needs: 'lti.read' },
];
