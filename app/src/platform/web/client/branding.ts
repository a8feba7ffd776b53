// The organisation's branding, read from GET /api/v1/branding (docs/web-app.md#branding lists the fields it
// reads) and applied to the whole UI as CSS custom properties, the product name, the logo, the favicon and
// the page title; and handed to the animations (the preview's overlay, the export's custom_branding), so the
// video carries the brand too, not only the bar above it. Without branding settings (none saved, or an
// appliance without the branding API), the UI is DevForge's own.
import { contrastRatio } from '../../../scene/brand-palette.ts';
import { api, ApiError } from './api.ts';

export interface Branding {
  /** What the UI calls the product: the white-label product name, else the organisation's name, else DevForge. */
  productName: string;
  /** The organisation's name, shown next to the product name (unless the DevForge name is hidden). */
  organisation?: string;
  /** false with white-label: no DevForge name or logo anywhere. */
  showDevForge: boolean;
  logo?: string;
  favicon?: string;
  colors: { primary: string; text: string };
  font?: string;
  watermark?: string;
}

export const DEVFORGE_BRANDING: Branding = { productName: 'DevForge', showDevForge: true, colors: { primary: '#2563eb', text: '#1b1d23' } };

const HEX = /^#[0-9a-fA-F]{6}$/;
const IMAGE = /^data:image\/(png|jpeg|svg\+xml|x-icon|vnd\.microsoft\.icon);base64,[A-Za-z0-9+/=]+$/;
const FONT = /^[\w -]{1,60}$/;

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** Reads the branding API's answer, keeping only well-formed values (a colour that is not #rrggbb is ignored, not applied). */
export function parseBranding(raw: unknown): Branding {
  if (!raw || typeof raw !== 'object') return DEVFORGE_BRANDING;
  const r = raw as Record<string, unknown>;
  const colors = (r.colors && typeof r.colors === 'object' ? r.colors : {}) as Record<string, unknown>;
  const pick = (v: unknown, re: RegExp) => (typeof v === 'string' && re.test(v) ? v : undefined);
  const organisation = str(r.name) ?? str(r.organisation);
  const whiteLabel = (r.white_label && typeof r.white_label === 'object' ? r.white_label : r) as Record<string, unknown>;
  const productName = str(whiteLabel.product_name) ?? organisation ?? 'DevForge';
  const hide = whiteLabel.hide_devforge_name === true;
  const logo = pick(r.logo, IMAGE);
  const favicon = pick(whiteLabel.favicon, IMAGE);
  const font = pick(r.font, FONT);
  const watermark = str(r.watermark);
  return {
    productName,
    ...(organisation ? { organisation } : {}),
    showDevForge: !hide,
    ...(logo ? { logo } : {}),
    ...(favicon ? { favicon } : {}),
    colors: { primary: pick(colors.primary, HEX) ?? DEVFORGE_BRANDING.colors.primary, text: pick(colors.text, HEX) ?? DEVFORGE_BRANDING.colors.text },
    ...(font ? { font } : {}),
    ...(watermark ? { watermark } : {}),
  };
}

export async function loadBranding(): Promise<Branding> {
  try {
    return parseBranding(await api.branding());
  } catch (err) {
    // No branding saved yet, or no branding API on this appliance: DevForge's own look.
    if (err instanceof ApiError && (err.status === 404 || err.status === 403)) return DEVFORGE_BRANDING;
    throw err;
  }
}

/** The signed-out pages' branding (GET /branding/public); DevForge's own when there is none or it cannot be read. */
export async function loadPublicBranding(): Promise<Branding> {
  try {
    return parseBranding(await api.publicBranding());
  } catch {
    return DEVFORGE_BRANDING;
  }
}

/** Text on the brand colour: white or near-black, whichever reads better (WCAG AA needs 4.5:1 for body text). */
export function onColor(background: string): string {
  return contrastRatio(background, '#ffffff') >= contrastRatio(background, '#111111') ? '#ffffff' : '#111111';
}

/**
 * The brand colour as link and outline colour on the white page: the colour itself when it has 4.5:1
 * against white, else darkened until it does (a pale brand yellow would fail AA as text).
 */
export function readableOn(hex: string, background = '#ffffff'): string {
  let [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let out = hex;
  for (let i = 0; i < 20 && contrastRatio(out, background) < 4.5; i++) {
    [r, g, b] = [r * 0.85, g * 0.85, b * 0.85].map(Math.round) as [number, number, number];
    out = `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  }
  return out;
}

/** Puts the branding on the page: custom properties for the stylesheet, the title and the favicon. */
export function applyBranding(b: Branding, screen?: string): void {
  const root = document.documentElement.style;
  root.setProperty('--brand-primary', b.colors.primary);
  root.setProperty('--brand-on-primary', onColor(b.colors.primary));
  root.setProperty('--brand-accent', readableOn(b.colors.primary));
  root.setProperty('--brand-text', contrastRatio(b.colors.text, '#ffffff') >= 4.5 ? b.colors.text : DEVFORGE_BRANDING.colors.text);
  if (b.font) root.setProperty('--brand-font', `"${b.font}"`);
  document.title = screen ? `${screen} · ${b.productName}` : b.productName;
  const icon = document.getElementById('favicon') as HTMLLinkElement | null;
  if (icon && b.favicon) {
    icon.href = b.favicon;
    icon.type = b.favicon.slice(5, b.favicon.indexOf(';'));
  }
}

/** What the animation draws of the brand (the player's overlay and generate's custom_branding use the same fields). */
export function animationBranding(b: Branding): { logo?: string; colors: { primary: string; text: string }; product_name?: string } | undefined {
  if (b === DEVFORGE_BRANDING) return undefined;
  const logo = b.logo && /^data:image\/(png|jpeg|svg\+xml);/.test(b.logo) ? b.logo : undefined;
  return { ...(logo ? { logo } : {}), colors: b.colors, ...(b.productName !== 'DevForge' ? { product_name: b.productName.slice(0, 60) } : {}) };
}
