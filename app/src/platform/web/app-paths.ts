// The web app's paths, one list for both sides: the server answers each with the app's shell (a deep
// link or a reload lands on the right screen), and the client's route table (client/route-table.tsx)
// maps the same paths to screens. Plain data, no imports: the browser bundle takes it as it is.

export const APP_PATHS = {
  create: '/',
  library: '/library',
  animation: '/animations/:id',
  templates: '/templates',
  account: '/account',
  batch: '/batch',
  adminUsers: '/admin/users',
  adminKeys: '/admin/keys',
  adminWebhooks: '/admin/webhooks',
  adminLicense: '/admin/license',
  adminUsage: '/admin/usage',
  adminSystem: '/admin/system',
  adminAudit: '/admin/audit',
  adminSso: '/admin/sso',
  adminBranding: '/admin/branding',
  developers: '/developers',
  developersReference: '/developers/reference',
  developersWebhooks: '/developers/webhooks',
  developersWidget: '/developers/widget',
  adminLti: '/admin/lti',
} as const;

export type AppPath = (typeof APP_PATHS)[keyof typeof APP_PATHS];

/** The link to one animation's page. */
export function animationPath(id: string): string {
  return APP_PATHS.animation.replace(':id', encodeURIComponent(id));
}
