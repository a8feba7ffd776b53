// "My animations": the newest of the caller's own animations (owner=me: not those shared with them,
// which the API lists by default), with status, download and cancel.
import { api } from './api.ts';
import { byId, el } from './dom.ts';

interface Row {
  id: string;
  created_at: string;
  description: string;
  template: string;
  quality: string;
  status: string;
  progress: number;
  error: string | null;
}

export async function refreshAnimations(): Promise<void> {
  const { animations } = await api<{ animations: Row[] }>('GET', '/animations?owner=me&limit=20');
  const body = byId('animations').querySelector('tbody')!;
  body.replaceChildren(
    ...animations.map((a) => {
      const actions = el('td');
      if (a.status === 'completed') actions.append(el('a', { href: `/api/v1/animations/${a.id}/video?download=1` }, 'Download'));
      if (a.status === 'queued' || a.status === 'processing') {
        const cancel = el('button', { type: 'button' }, 'Cancel');
        cancel.addEventListener('click', () => void api('POST', `/animations/${a.id}/cancel`).then(refreshAnimations));
        actions.append(cancel);
      }
      const status = a.status === 'processing' ? `processing ${Math.round(a.progress * 100)} %` : a.status;
      return el(
        'tr',
        { 'data-id': a.id },
        el('td', {}, new Date(a.created_at).toLocaleString()),
        el('td', { class: 'desc' }, a.description),
        el('td', {}, a.template),
        el('td', {}, a.quality),
        el('td', { class: `status-${a.status}`, title: a.error ?? '' }, status),
        actions,
      );
    }),
  );
}
