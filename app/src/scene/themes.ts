// The four styles are themes: a palette of named colours, fonts and a motion character.
// Scenes refer to palette entries as "$name" so any template renders in any style.

export const PALETTE_KEYS = ['background', 'surface', 'foreground', 'muted', 'grid', 'primary', 'secondary', 'accent', 'highlight', 'success', 'warning', 'danger'] as const;

export type PaletteKey = (typeof PALETTE_KEYS)[number];
export type Palette = Record<PaletteKey, string>;

export const STYLE_NAMES = ['mathematical', 'algorithmic', 'scientific', 'corporate_training'] as const;
export type StyleName = (typeof STYLE_NAMES)[number];

export interface Theme {
  name: StyleName;
  palette: Palette;
  /** Font family names bundled with the player (render/fonts.ts). The house style has one sans and one maths face
   *  (MathJax): `font: 'mono'` text (tables, counts, values) is drawn in Inter too, whose figures are tabular. */
  fontSans: 'Inter';
  fontMono: 'Inter';
  /** Default easing and speed factor: how the style moves. */
  easing: 'easeInOutCubic' | 'easeInOutSine' | 'easeOutCubic' | 'easeInOutQuad';
  tempo: number;
}

export const THEMES: Record<StyleName, Theme> = {
  mathematical: {
    name: 'mathematical',
    palette: {
      background: '#111827',
      surface: '#1f2937',
      foreground: '#f9fafb',
      muted: '#9ca3af',
      grid: '#374151',
      primary: '#60a5fa',
      secondary: '#f472b6',
      accent: '#fbbf24',
      highlight: '#fde047',
      success: '#34d399',
      warning: '#fb923c',
      danger: '#f87171',
    },
    fontSans: 'Inter',
    fontMono: 'Inter',
    easing: 'easeInOutSine',
    tempo: 1,
  },
  algorithmic: {
    name: 'algorithmic',
    palette: {
      background: '#0f172a',
      surface: '#1e293b',
      foreground: '#e2e8f0',
      muted: '#94a3b8',
      grid: '#334155',
      primary: '#38bdf8',
      secondary: '#a78bfa',
      accent: '#f59e0b',
      highlight: '#facc15',
      success: '#22c55e',
      warning: '#f97316',
      danger: '#ef4444',
    },
    fontSans: 'Inter',
    fontMono: 'Inter',
    easing: 'easeInOutCubic',
    tempo: 1,
  },
  scientific: {
    name: 'scientific',
    palette: {
      background: '#0b1020',
      surface: '#17203a',
      foreground: '#f1f5f9',
      muted: '#a3b1c6',
      grid: '#2a3654',
      primary: '#4ade80',
      secondary: '#60a5fa',
      accent: '#f472b6',
      highlight: '#fef08a',
      success: '#4ade80',
      warning: '#fbbf24',
      danger: '#fb7185',
    },
    fontSans: 'Inter',
    fontMono: 'Inter',
    easing: 'easeInOutQuad',
    tempo: 1,
  },
  corporate_training: {
    name: 'corporate_training',
    palette: {
      background: '#f8fafc',
      surface: '#ffffff',
      foreground: '#0f172a',
      muted: '#64748b',
      grid: '#e2e8f0',
      primary: '#2563eb',
      secondary: '#0d9488',
      accent: '#f59e0b',
      highlight: '#fde68a',
      success: '#16a34a',
      warning: '#d97706',
      danger: '#dc2626',
    },
    fontSans: 'Inter',
    fontMono: 'Inter',
    easing: 'easeOutCubic',
    tempo: 0.9,
  },
};

/** The theme of a scene: its style's theme with the scene's palette overrides applied. */
export function resolveTheme(style: StyleName, overrides: Partial<Palette> = {}): Theme {
  const base = THEMES[style];
  return { ...base, palette: { ...base.palette, ...overrides } };
}

/** Turns "$primary" into the palette's colour; plain colours pass through. */
export function resolveColor(color: string, palette: Palette): string {
  if (color.startsWith('$')) return palette[color.slice(1) as PaletteKey];
  return color;
}
