// Export: POST /animations/generate, then follow the animation's Server-Sent Events until it has
// finished, showing progress, and offer the download.
import { api } from './api.ts';
import { byId, show } from './dom.ts';

interface AnimationView {
  id: string;
  status: string;
  progress: number;
  error: string | null;
}

export interface ExportRequest {
  description: string;
  template: string;
  params: Record<string, unknown>;
  quality: string;
  duration?: number;
}

export async function exportAnimation(req: ExportRequest, onFinished: () => void): Promise<void> {
  const progress = byId<HTMLProgressElement>('progress');
  const status = byId('job-status');
  const download = byId<HTMLAnchorElement>('download');
  show(byId('job'), true);
  show(download, false);
  progress.value = 0;
  status.textContent = 'queued';
  const created = await api<{ id: string }>('POST', '/animations/generate', {
    description: req.description,
    template: req.template,
    params: req.params,
    quality: req.quality,
    ...(req.duration ? { duration: req.duration } : {}),
  });
  byId('job').dataset.animation = created.id;
  const events = new EventSource(`/api/v1/animations/${created.id}/events`);
  const update = (a: Pick<AnimationView, 'status' | 'progress'> & { error?: string | null }) => {
    progress.value = a.progress;
    status.textContent = a.status === 'processing' ? `rendering ${Math.round(a.progress * 100)} %` : a.error ? `${a.status}: ${a.error}` : a.status;
    byId('job').dataset.status = a.status;
    if (a.status === 'completed') {
      download.href = `/api/v1/animations/${created.id}/video?download=1`;
      show(download, true);
    }
    if (a.status === 'completed' || a.status === 'failed' || a.status === 'cancelled') {
      events.close();
      onFinished();
    }
  };
  events.addEventListener('status', (e) => update(JSON.parse((e as MessageEvent<string>).data) as AnimationView));
  events.addEventListener('progress', (e) => update(JSON.parse((e as MessageEvent<string>).data) as AnimationView));
  events.addEventListener('deleted', () => {
    status.textContent = 'deleted';
    events.close();
  });
}
