// The widget's look, inside its shadow root (the host page's styles cannot reach in, nor ours out): the
// host's primary colour on the buttons with whichever text colour meets WCAG AA on it (4.5:1), a focus
// ring that shows on any page (dark ring with a white halo), and no fonts or images fetched from anywhere.
import { contrastRatio } from '../../../scene/brand-palette.ts';

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
export const DEFAULT_PRIMARY = '#1f5fbf';

/** The primary colour as #rrggbb, or a message saying what to pass instead. */
export function primaryColour(value: unknown): { colour: string } | { problem: string } {
  if (value === undefined) return { colour: DEFAULT_PRIMARY };
  if (typeof value !== 'string' || !HEX.test(value)) return { problem: `theme.primary must be a hex colour such as #1f5fbf (got ${JSON.stringify(value)})` };
  const v = value.length === 4 ? `#${[...value.slice(1)].map((c) => c + c).join('')}` : value;
  return { colour: v.toLowerCase() };
}

/** Text on the primary colour: white or near-black, whichever contrasts more (AA needs 4.5:1). */
export function textOn(colour: string): string {
  return contrastRatio(colour, '#ffffff') >= contrastRatio(colour, '#111111') ? '#ffffff' : '#111111';
}

export function widgetCss(primary: string): string {
  return `
:host { all: initial; display: block; }
.devforge { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1a1a1a; background: #ffffff; border: 1px solid #767676; border-radius: 8px; padding: 16px; max-width: 720px; }
.devforge * { box-sizing: border-box; }
header { display: flex; align-items: center; gap: 12px; margin-bottom: 12px; }
header img { max-height: 32px; max-width: 160px; }
h2 { font-size: 1.15rem; margin: 0; }
h3 { font-size: 1rem; margin: 16px 0 4px; }
label { display: block; font-weight: 600; margin: 8px 0 4px; }
textarea, select { width: 100%; font: inherit; color: #1a1a1a; background: #ffffff; border: 1px solid #595959; border-radius: 4px; padding: 8px; }
textarea { min-height: 5em; resize: vertical; }
button, a.button { display: inline-block; font: inherit; font-weight: 600; background: ${primary}; color: ${textOn(primary)}; border: 2px solid ${primary}; border-radius: 4px; padding: 8px 16px; margin-top: 8px; cursor: pointer; text-decoration: none; }
button[disabled] { background: #e0e0e0; color: #4d4d4d; border-color: #8a8a8a; cursor: not-allowed; }
button:focus-visible, a:focus-visible, textarea:focus-visible, select:focus-visible, video:focus-visible { outline: 3px solid #111111; outline-offset: 2px; box-shadow: 0 0 0 5px #ffffff; }
.error { color: #9b1c1c; background: #fdecec; border: 1px solid #9b1c1c; border-radius: 4px; padding: 8px; margin: 8px 0; }
.note { color: #4d4d4d; margin: 4px 0; }
.summary { margin: 4px 0; }
progress { width: 100%; height: 1.25em; }
video, img.poster { display: block; width: 100%; margin-top: 8px; border-radius: 4px; background: #000000; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
}
