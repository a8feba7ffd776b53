// The page's script: sign-in, describe → analysis (editable template + params form) → live preview →
// export with progress → download, and the list of my animations.
import type { Scene } from '../../../scene/schema.ts';
import { api, ApiError, setCsrfToken } from './api.ts';
import { refreshAnimations } from './animations-list.ts';
import { byId, el, setText, show } from './dom.ts';
import { exportAnimation } from './exporter.ts';
import { showLicense } from './license-notice.ts';
import { ParamsForm } from './params-form.ts';
import { Preview } from './preview.ts';

interface Me {
  user: { email: string; name: string };
  role: string;
  csrf_token?: string;
}
interface TemplateInfo {
  id: string;
  title: string;
  params_schema: { properties?: Record<string, unknown> };
  defaults: Record<string, unknown>;
}
interface Analysis {
  template: string;
  params: Record<string, unknown>;
  facts: Record<string, unknown>;
  confidence: number;
  warnings: string[];
}

const params = new ParamsForm(byId<HTMLFormElement>('params-form'));
const preview = new Preview();
let templates: TemplateInfo[] = [];
let current: { description: string; template: string } | undefined;

function message(err: unknown): string {
  return err instanceof ApiError || err instanceof Error ? err.message : String(err);
}

function signedIn(me: Me): void {
  setCsrfToken(me.csrf_token ?? '');
  setText('who', `${me.user.email} (${me.role})`);
  show(byId('logout'), true);
  show(byId('login-view'), false);
  show(byId('app-view'), true);
  void loadTemplates();
  void refreshAnimations();
  void showLicense(me.role);
}

function signedOut(): void {
  setText('who', '');
  show(byId('logout'), false);
  show(byId('app-view'), false);
  show(byId('login-view'), true);
}

async function loadTemplates(): Promise<void> {
  templates = (await api<{ templates: TemplateInfo[] }>('GET', '/templates')).templates;
  const select = byId<HTMLSelectElement>('template');
  select.replaceChildren(...templates.map((t) => el('option', { value: t.id }, `${t.title} (${t.id})`)));
}

function showAnalysis(analysis: Analysis): void {
  show(byId('analysis'), true);
  byId<HTMLSelectElement>('template').value = analysis.template;
  setText('confidence', `confidence ${Math.round(analysis.confidence * 100)} %`);
  const template = templates.find((t) => t.id === analysis.template);
  params.build(template?.params_schema ?? {}, analysis.params, () => void updatePreview());
  byId('warnings').replaceChildren(...analysis.warnings.map((w) => el('li', {}, w)));
  byId('facts').replaceChildren(...Object.entries(analysis.facts).flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, typeof v === 'string' ? v : JSON.stringify(v))]));
}

async function previewScene(body: Record<string, unknown>): Promise<void> {
  setText('describe-error', '');
  try {
    const result = await api<{ analysis: Analysis; scene: Scene; assets: { math: Record<string, string> } }>('POST', '/scenes/preview', { ...body, quality: '720p' });
    current = { description: String(body.description), template: result.analysis.template };
    showAnalysis(result.analysis);
    byId<HTMLButtonElement>('export').disabled = false;
    await preview.show(result.scene, result.assets.math);
  } catch (err) {
    setText('describe-error', message(err));
  }
}

async function updatePreview(): Promise<void> {
  if (!current) return;
  let values: Record<string, unknown>;
  try {
    values = params.read();
  } catch (err) {
    setText('describe-error', message(err));
    return;
  }
  await previewScene({ description: current.description, template: byId<HTMLSelectElement>('template').value, params: values });
}

byId('login-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const form = new FormData(e.target as HTMLFormElement);
  // Both are text inputs, so their values are strings (a File only comes from a file input).
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  setText('login-error', '');
  api<Me>('POST', '/auth/login', { email: text('email'), password: text('password') })
    .then(signedIn)
    .catch((err) => setText('login-error', message(err)));
});

// A single sign-on session answers with the identity provider's end-session URL: going there ends
// that session too (RP-initiated logout), and the IdP sends the browser back to /.
byId('logout').addEventListener('click', () => {
  api<{ end_session_url?: string } | undefined>('POST', '/auth/logout')
    .then((out) => {
      if (out?.end_session_url) window.location.assign(out.end_session_url);
      else signedOut();
    })
    .catch(signedOut);
});

byId('describe-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void previewScene({ description: byId<HTMLTextAreaElement>('description').value });
});

byId('template').addEventListener('change', () => {
  if (!current) return;
  const template = templates.find((t) => t.id === byId<HTMLSelectElement>('template').value);
  if (!template) return;
  void previewScene({ description: current.description, template: template.id, params: template.defaults });
});

byId('export-form').addEventListener('submit', (e) => {
  e.preventDefault();
  if (!current) return;
  setText('export-error', '');
  let values: Record<string, unknown>;
  try {
    values = params.read();
  } catch (err) {
    setText('export-error', message(err));
    return;
  }
  const duration = Number(byId<HTMLInputElement>('duration').value);
  exportAnimation(
    { description: current.description, template: byId<HTMLSelectElement>('template').value, params: values, quality: byId<HTMLSelectElement>('quality').value, ...(duration > 0 ? { duration } : {}) },
    () => void refreshAnimations(),
  )
    .then(() => refreshAnimations())
    .catch((err) => setText('export-error', message(err)));
});

byId('refresh').addEventListener('click', () => void refreshAnimations());

api<Me>('GET', '/me').then(signedIn, signedOut);
