// An animation's status in words, with its progress while it renders.
import type { Animation } from '../api-types.ts';

const WORDS: Record<Animation['status'], string> = { queued: 'Queued', processing: 'Rendering', completed: 'Ready', failed: 'Failed', cancelled: 'Cancelled' };

export function statusText(a: Pick<Animation, 'status' | 'progress'>): string {
  return a.status === 'processing' ? `${WORDS.processing} ${Math.round(a.progress * 100)} %` : WORDS[a.status];
}

export function Status({ animation }: { animation: Pick<Animation, 'status' | 'progress' | 'error'> }) {
  return (
    <span class={`status status-${animation.status}`} title={animation.error ?? undefined} data-status={animation.status}>
      {statusText(animation)}
    </span>
  );
}

/** "1 min 20 s", "45 s". */
export function formatSeconds(s: number): string {
  const r = Math.max(0, Math.round(s));
  return r >= 60 ? `${Math.floor(r / 60)} min ${r % 60} s` : `${r} s`;
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
