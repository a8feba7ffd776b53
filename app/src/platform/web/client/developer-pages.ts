// The developer portal's pages (/developers): path and label. The route table mounts them, the portal's
// own nav (parts/developers.tsx) lists them, and the app's main nav has one "Developers" link to the first.
// Every signed-in role may open them: reading the docs and trying the sandbox needs no special right (what
// a try-it call may do is decided by the API for the key it is sent with).
import { APP_PATHS } from '../app-paths.ts';

export interface DeveloperPageInfo {
  path: string;
  label: string;
}

export const DEVELOPER_PAGES: DeveloperPageInfo[] = [
  { path: APP_PATHS.developers, label: 'Getting started' },
  { path: APP_PATHS.developersReference, label: 'API reference' },
  { path: APP_PATHS.developersWebhooks, label: 'Webhooks guide' },
  { path: APP_PATHS.developersWidget, label: 'Widget guide' },
];
