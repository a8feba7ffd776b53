// The fonts bundled with the app (npm @fontsource packages): served to the page, never fetched from a CDN.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';

const require = createRequire(import.meta.url);

/** URL name → package directory. */
const FONT_PACKAGES: Record<string, string> = {
  inter: dirname(require.resolve('@fontsource/inter/package.json')),
  'jetbrains-mono': dirname(require.resolve('@fontsource/jetbrains-mono/package.json')),
};

export const FONT_WEIGHTS = [400, 600, 700];

/** <link> tags for every bundled face, relative to the page. */
export function fontLinks(): string {
  return Object.keys(FONT_PACKAGES)
    .flatMap((pkg) => FONT_WEIGHTS.map((w) => `<link rel="stylesheet" href="/fonts/${pkg}/${w}.css">`))
    .join('\n');
}

/**
 * Tabular figures in the sans (the house style): every digit one width, so a running clock or counter does not
 * jitter and columns of numbers line up. Canvas 2D text has no font-variant-numeric, but Chromium applies an
 * @font-face rule's font-feature-settings to canvas text too, so Inter's faces are served with "tnum" on.
 */
const FEATURES: Record<string, string> = { inter: '"tnum"' };
const cssCache = new Map<string, string>();

/** A stylesheet behind /fonts/<pkg>/<name>.css as served: the package's, with the house features added to each face. */
export function fontCss(pkg: string, file: string): string {
  let css = cssCache.get(file);
  if (css === undefined) {
    css = readFileSync(file, 'utf8');
    const features = FEATURES[pkg];
    if (features) css = css.replace(/@font-face\s*\{/g, `@font-face {\n  font-feature-settings: ${features};`);
    cssCache.set(file, css);
  }
  return css;
}

/** The file behind /fonts/<pkg>/<rest>, or undefined for anything outside the font packages. */
export function fontFile(pkg: string, rest: string): string | undefined {
  const root = FONT_PACKAGES[pkg];
  // Font file names are plain: anything else (a NUL byte, which fs would throw on, a backslash) is no font.
  if (!root || !/^[A-Za-z0-9._/-]+$/.test(rest)) return undefined;
  const file = normalize(join(root, rest));
  if (!file.startsWith(root + '/')) return undefined;
  if (!/\.(css|woff2)$/.test(file)) return undefined;
  return file;
}
