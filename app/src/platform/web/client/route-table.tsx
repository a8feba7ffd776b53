// The web app's one route table: each screen's path (shared with the server, web/app-paths.ts), its nav
// label, and the action the signed-in role needs to see it; the nav and the router both read it, so a
// screen a role may not use is neither linked nor reachable. The admin pages, /batch, the developer portal
// (/developers) and the widget's pages come as more rows here.
import type { FunctionComponent } from 'preact';
import { APP_PATHS } from '../app-paths.ts';
import type { Action } from './api-types.ts';
import { AccountScreen } from './screens/account.tsx';
import { AnimationScreen } from './screens/animation.tsx';
import { CreateScreen } from './screens/create.tsx';
import { LibraryScreen } from './screens/library.tsx';
import { TemplatesScreen } from './screens/templates.tsx';
import { BatchScreen } from './screens/batch.tsx';
import { ADMIN_PAGES } from './admin-pages.ts';
import { AdminAuditScreen } from './screens/admin/audit.tsx';
import { AdminBrandingScreen } from './screens/admin/branding.tsx';
import { AdminKeysScreen } from './screens/admin/keys.tsx';
import { AdminLicenseScreen } from './screens/admin/license.tsx';
import { AdminLtiScreen } from './screens/admin/lti.tsx';
import { AdminSsoScreen } from './screens/admin/sso.tsx';
import { AdminSystemScreen } from './screens/admin/system.tsx';
import { AdminUsageScreen } from './screens/admin/usage.tsx';
import { AdminUsersScreen } from './screens/admin/users.tsx';
import { AdminWebhooksScreen } from './screens/admin/webhooks.tsx';
import { DEVELOPER_PAGES } from './developer-pages.ts';
import { DevelopersScreen } from './screens/developers/getting-started.tsx';
import { DevelopersReferenceScreen } from './screens/developers/reference.tsx';
import { DevelopersWebhooksScreen } from './screens/developers/webhooks.tsx';
import { DevelopersWidgetScreen } from './screens/developers/widget.tsx';

export interface AppRoute {
  path: string;
  // Each screen takes its own route params; the router passes them as props.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  component: FunctionComponent<any>;
  /** In the nav, with this label; absent: reached by links only. */
  nav?: string;
  /** The action the role needs (from /me's actions). */
  needs: Action;
}

export const ROUTES: AppRoute[] = [
  { path: APP_PATHS.create, component: CreateScreen, nav: 'Create', needs: 'analysis.run' },
  { path: APP_PATHS.library, component: LibraryScreen, nav: 'Library', needs: 'animation.list' },
  { path: APP_PATHS.animation, component: AnimationScreen, needs: 'animation.read' },
  { path: APP_PATHS.templates, component: TemplatesScreen, nav: 'Templates', needs: 'analysis.run' },
  { path: APP_PATHS.batch, component: BatchScreen, nav: 'Batch', needs: 'batch.create' },
  { path: APP_PATHS.account, component: AccountScreen, nav: 'Account', needs: 'account.read' },
  ...developerRoutes(),
  ...adminRoutes(),
];

/** The admin console's pages (admin-pages.ts); the first one is the nav's "Admin" link. */
function adminRoutes(): AppRoute[] {
  const screens: Record<string, FunctionComponent> = {
    [APP_PATHS.adminUsers]: AdminUsersScreen,
    [APP_PATHS.adminKeys]: AdminKeysScreen,
    [APP_PATHS.adminWebhooks]: AdminWebhooksScreen,
    [APP_PATHS.adminLicense]: AdminLicenseScreen,
    [APP_PATHS.adminUsage]: AdminUsageScreen,
    [APP_PATHS.adminSystem]: AdminSystemScreen,
    [APP_PATHS.adminAudit]: AdminAuditScreen,
    [APP_PATHS.adminBranding]: AdminBrandingScreen,
    [APP_PATHS.adminSso]: AdminSsoScreen,
    [APP_PATHS.adminLti]: AdminLtiScreen,
  };
  return ADMIN_PAGES.filter((p) => screens[p.path]).map((p, i) => ({ path: p.path, component: screens[p.path]!, needs: p.needs, ...(i === 0 ? { nav: 'Admin' } : {}) }));
}

/** The developer portal's pages (developer-pages.ts), for every signed-in role; the first is the nav's "Developers" link. */
function developerRoutes(): AppRoute[] {
  const screens: Record<string, FunctionComponent> = {
    [APP_PATHS.developers]: DevelopersScreen,
    [APP_PATHS.developersReference]: DevelopersReferenceScreen,
    [APP_PATHS.developersWebhooks]: DevelopersWebhooksScreen,
    [APP_PATHS.developersWidget]: DevelopersWidgetScreen,
  };
  return DEVELOPER_PAGES.map((p, i) => ({ path: p.path, component: screens[p.path]!, needs: 'account.read', ...(i === 0 ? { nav: 'Developers' } : {}) }));
}
