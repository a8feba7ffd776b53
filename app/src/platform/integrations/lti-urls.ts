// The LTI tool's URLs, one list for the routes that answer them, the admin API that shows them and the
// deep-linking response that points the course at them.

export const LTI_PATHS = {
  login: '/lti/login',
  launch: '/lti/launch',
  jwks: '/lti/jwks',
  picker: '/lti/deep-link/:token',
  autoSubmit: '/lti/assets/auto-submit.js',
} as const;

/** What an administrator pastes into the LMS. Deep linking launches at the same URL as resource links. */
export function toolUrls(base: string): { login_url: string; launch_url: string; deep_linking_url: string; jwks_url: string } {
  return { login_url: base + LTI_PATHS.login, launch_url: base + LTI_PATHS.launch, deep_linking_url: base + LTI_PATHS.launch, jwks_url: base + LTI_PATHS.jwks };
}

export function pickerPath(token: string): string {
  return LTI_PATHS.picker.replace(':token', encodeURIComponent(token));
}
