// The Create screen's draft (description, template, params and export choices) survives a reload twice
// over: in the URL (a link that can be bookmarked or sent, and the browser's history) and in localStorage
// (a reload of the bare / comes back to where the person was). The URL wins when it has a description.
import type { Quality } from './api-types.ts';

export interface Draft {
  description: string;
  template?: string;
  params?: Record<string, unknown>;
  quality?: Quality;
  duration?: number;
  style?: string;
  captions: 'burn_in' | 'sidecar';
  branded: boolean;
  /** A voice-over voice (GET /voices); absent: no sound. */
  voice?: string;
}

export const EMPTY_DRAFT: Draft = { description: '', captions: 'burn_in', branded: true };
const STORAGE_KEY = 'devforge.draft.v1';
const QUALITIES: readonly string[] = ['720p', '1080p', '4k'];

function clean(raw: Partial<Record<keyof Draft, unknown>>): Draft {
  const d: Draft = { ...EMPTY_DRAFT };
  if (typeof raw.description === 'string') d.description = raw.description.slice(0, 4000);
  if (typeof raw.template === 'string' && raw.template) d.template = raw.template;
  if (raw.params && typeof raw.params === 'object' && !Array.isArray(raw.params)) d.params = raw.params as Record<string, unknown>;
  if (typeof raw.quality === 'string' && QUALITIES.includes(raw.quality)) d.quality = raw.quality as Quality;
  const duration = Number(raw.duration);
  if (raw.duration !== undefined && raw.duration !== '' && duration > 0) d.duration = duration;
  if (typeof raw.style === 'string' && raw.style) d.style = raw.style;
  if (raw.captions === 'sidecar') d.captions = 'sidecar';
  if (raw.branded === false || raw.branded === '0') d.branded = false;
  if (typeof raw.voice === 'string' && /^[\w+.-]{1,64}$/.test(raw.voice) && raw.voice !== 'off') d.voice = raw.voice;
  return d;
}

function fromUrl(search: string): Draft | undefined {
  const q = new URLSearchParams(search);
  const description = q.get('d');
  if (!description) return undefined;
  let params: unknown;
  try {
    params = q.get('p') ? JSON.parse(q.get('p')!) : undefined;
  } catch {
    params = undefined;
  }
  return clean({
    description,
    template: q.get('t') ?? undefined,
    params,
    quality: q.get('q') ?? undefined,
    duration: q.get('len') ?? undefined,
    style: q.get('s') ?? undefined,
    captions: q.get('cc') ?? undefined,
    branded: q.get('b') ?? undefined,
    voice: q.get('v') ?? undefined,
  });
}

function fromStorage(): Draft | undefined {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? clean(JSON.parse(raw) as Partial<Record<keyof Draft, unknown>>) : undefined;
  } catch {
    return undefined;
  }
}

export function loadDraft(search: string): Draft {
  return fromUrl(search) ?? fromStorage() ?? EMPTY_DRAFT;
}

/** The draft as the Create screen's query string (empty for an empty draft). */
export function draftQuery(d: Draft): string {
  if (!d.description) return '';
  const q = new URLSearchParams({ d: d.description });
  if (d.template) q.set('t', d.template);
  if (d.params) q.set('p', JSON.stringify(d.params));
  if (d.quality) q.set('q', d.quality);
  if (d.duration) q.set('len', String(d.duration));
  if (d.style) q.set('s', d.style);
  if (d.captions === 'sidecar') q.set('cc', 'sidecar');
  if (!d.branded) q.set('b', '0');
  if (d.voice) q.set('v', d.voice);
  return `?${q.toString()}`;
}

/** Writes the draft to localStorage and to the address bar (replacing the entry: typing is not history). */
export function saveDraft(d: Draft): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(d));
  } catch {
    // Storage full or disabled (private mode): the URL still carries the draft.
  }
  const url = `${window.location.pathname}${draftQuery(d)}`;
  if (url !== `${window.location.pathname}${window.location.search}`) history.replaceState(history.state, '', url);
}

export function clearDraft(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored.
  }
}
