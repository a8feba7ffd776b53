// The frame of a screen with its own pages (the admin console, the developer portal): a nav of its pages
// with the current one marked, the title (also the document title) and the page.
import { useLocation } from 'preact-iso';
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { useApp } from '../context.ts';

export function SectionNav({ label, pages }: { label: string; pages: readonly { path: string; label: string }[] }) {
  const { path } = useLocation();
  return (
    <nav aria-label={label} class="admin-nav">
      <ul>
        {pages.map((p) => (
          <li key={p.path}>
            <a href={p.path} aria-current={path === p.path ? 'page' : undefined}>
              {p.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function SectionPage({ section, nav, title, id, children }: { section: string; nav: ComponentChildren; title: string; id: string; children: ComponentChildren }) {
  const app = useApp();
  useEffect(() => app.setScreenTitle(title), [app, title]);
  return (
    <div class={section} id={id}>
      {nav}
      <h1>{title}</h1>
      {children}
    </div>
  );
}
