// The Content-Security-Policy of the appliance's HTML pages (the web app and the API reference).

/** For HTML pages: everything from this appliance only, no inline script or style. */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** For HTML pages: none of the powerful browser features; the app needs none of them. */
export const PAGE_PERMISSIONS_POLICY = ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()', 'serial=()', 'bluetooth=()', 'hid=()', 'midi=()', 'display-capture=()', 'clipboard-read=()', 'interest-cohort=()'].join(', ');
