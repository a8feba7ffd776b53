// The template gallery (/templates): every template by category with its thumbnail and example, and
// "Use this", which opens Create with the example as the description and that template chosen.
import { useEffect } from 'preact/hooks';
import type { Template } from '../api-types.ts';
import { useApp } from '../context.ts';
import { draftQuery, EMPTY_DRAFT } from '../draft.ts';
import { TemplateGallery } from '../parts/template-gallery.tsx';

export function useHref(t: Template): string {
  return `/${draftQuery({ ...EMPTY_DRAFT, description: t.example, template: t.id })}`;
}

export function TemplatesScreen() {
  const app = useApp();
  useEffect(() => app.setScreenTitle('Templates'), [app]);
  return (
    <section aria-labelledby="templates-title">
      <h1 id="templates-title">Templates</h1>
      {app.templates ? <TemplateGallery id="templates" templates={app.templates} grouped useHref={useHref} /> : <p class="loading">Loading…</p>}
    </section>
  );
}
