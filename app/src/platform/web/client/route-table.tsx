// The web app's one route table: each screen's path (shared with the server, web/app-paths.ts), its nav
// label, and the action the signed-in role needs to see it; the nav and the router both read it, so a
// screen a role may not use is neither linked nor reachable. The admin pages, /batch, /developers and the
// widget's pages come as more rows here.
import type { FunctionComponent } from 'preact';
import { APP_PATHS } from '../app-paths.ts';
import type { Action } from './api-types.ts';
import { AccountScreen } from './screens/account.tsx';
import { AnimationScreen } from './screens/animation.tsx';
import { CreateScreen } from './screens/create.tsx';
import { LibraryScreen } from './screens/library.tsx';
import { TemplatesScreen } from './screens/templates.tsx';

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
  { path: APP_PATHS.account, component: AccountScreen, nav: 'Account', needs: 'account.read' },
];
