// DevForge's favicon (an anvil-blue square with a play mark), served as /assets/favicon.svg; a white-label
// branding replaces it with the organisation's own (client/branding.ts).
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#2563eb"/><path d="M12 9l12 7-12 7z" fill="#fff"/></svg>`;
