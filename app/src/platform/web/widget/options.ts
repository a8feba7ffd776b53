// What a host page passes to DevForge.embed, checked before anything is drawn or sent: a wrong option
// is said in words (onReady reports it and the widget shows it) rather than failing later.
import { keyProblem } from './client.ts';
import { primaryColour } from './theme.ts';

export interface Features {
  /** The description box (default on). Off: the description is the chosen template's example. */
  textInput: boolean;
  /** The rendered animation played in the widget (default on). */
  preview: boolean;
  /** The download link of the MP4 (default on). */
  export: boolean;
  /** The template choice (default on). */
  templates: boolean;
}

export type ReadyEvent = { ok: true; templates: number } | { ok: false; error: string };
export interface CreatedEvent {
  id: string;
}
export interface ExportedEvent {
  id: string;
  /** A blob: URL of the MP4 (valid until destroy()); the page may offer it as a download. */
  downloadUrl: string;
  fileName: string;
}

export interface EmbedOptions {
  container: Element | string;
  apiKey: string;
  theme?: { primary?: string; logo?: string };
  features?: Partial<Features>;
  /** Template categories to offer (as GET /templates names them: algorithms, mathematics, physics…); default all. */
  categories?: string[];
  /** The animation's length in seconds (default: the template's natural length). */
  duration?: number;
  onReady?: (e: ReadyEvent) => void;
  onAnimationCreated?: (e: CreatedEvent) => void;
  onExported?: (e: ExportedEvent) => void;
}

export interface Settings {
  host: Element;
  apiKey: string;
  primary: string;
  logo: string | undefined;
  features: Features;
  categories: string[] | undefined;
  duration: number | undefined;
  /** Set when the options cannot work: the widget shows it and onReady reports it. */
  problem: string | undefined;
}

function containerOf(value: unknown): Element {
  const el = typeof value === 'string' ? document.querySelector(value) : value;
  if (!(el instanceof Element)) throw new Error(`DevForge.embed: container must be an element or a selector that finds one (got ${JSON.stringify(String(value))})`);
  return el;
}

/** The settings; throws only when there is nowhere to draw (no container), else problems are in `problem`. */
export function settingsOf(options: EmbedOptions): Settings {
  const host = containerOf(options?.container);
  const colour = primaryColour(options.theme?.primary);
  const f = options.features ?? {};
  const categories = options.categories === undefined ? undefined : Array.isArray(options.categories) && options.categories.every((c) => typeof c === 'string') ? options.categories : null;
  const logo = typeof options.theme?.logo === 'string' && options.theme.logo ? options.theme.logo : undefined;
  const duration = options.duration === undefined ? undefined : typeof options.duration === 'number' && options.duration > 0 && options.duration <= 3600 ? options.duration : null;
  const problem =
    keyProblem(options.apiKey) ??
    ('problem' in colour ? colour.problem : undefined) ??
    (categories === null ? 'categories must be a list of category names, such as ["algorithms", "mathematics"]' : undefined) ??
    (duration === null ? `duration must be a number of seconds above 0 and at most 3600 (got ${JSON.stringify(options.duration)})` : undefined);
  return {
    host,
    apiKey: typeof options.apiKey === 'string' ? options.apiKey : '',
    primary: 'colour' in colour ? colour.colour : '#1f5fbf',
    logo,
    features: { textInput: f.textInput !== false, preview: f.preview !== false, export: f.export !== false, templates: f.templates !== false },
    categories: categories ?? undefined,
    duration: duration ?? undefined,
    problem,
  };
}
