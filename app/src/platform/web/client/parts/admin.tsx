// Pieces every admin console page uses: the console's own nav (every page of admin-pages.ts the role may
// open), the "not allowed" screen, an error line, a figure in
// words, and a bar chart drawn as SVG with its numbers as text beside each bar (the text is the
// chart's equivalent: a screen reader reads the table, the SVG is hidden from it).
import type { ComponentChildren } from 'preact';
import { can, useApp } from '../context.ts';
import { ADMIN_PAGES } from '../admin-pages.ts';
import { SectionNav, SectionPage } from './section.tsx';

export function AdminNav() {
  const { me } = useApp();
  return <SectionNav label="Administration" pages={ADMIN_PAGES.filter((p) => can(me, p.needs))} />;
}

/** The frame of an admin page: the console nav, the title (also the document title), the page. */
export function AdminPage({ title, children, id }: { title: string; id: string; children: ComponentChildren }) {
  return (
    <SectionPage section="admin" nav={<AdminNav />} title={title} id={id}>
      {children}
    </SectionPage>
  );
}

export function NotAllowed() {
  const { me } = useApp();
  useApp().setScreenTitle('Not allowed');
  return (
    <section class="panel" id="not-allowed">
      <h1>Not allowed</h1>
      <p>
        This page is for administrators; you are signed in as {me.user.email} with the {me.role} role. Ask an administrator if you need it, or go to the <a href="/library">library</a>.
      </p>
    </section>
  );
}

export function ErrorLine({ error, id }: { error: string; id?: string }) {
  if (!error) return null;
  return (
    <p class="error" role="alert" id={id}>
      {error}
    </p>
  );
}

export interface Bar {
  label: string;
  value: number;
  /** The limit the value is measured against (null: unlimited; absent: none). */
  limit?: number | null;
  /** The value in words ("12 of 100 animations"). */
  text: string;
}

/**
 * Horizontal bars. With limits, each bar is the share of its limit (full width: the limit), red from 90 %;
 * without, the share of the largest value. The numbers are in the table next to the SVG.
 */
export function BarChart({ bars, title, id }: { bars: Bar[]; title: string; id: string }) {
  if (!bars.length) return <p class="muted">Nothing to show yet.</p>;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const width = 320;
  const row = 26;
  return (
    <figure class="chart" id={id}>
      <figcaption>{title}</figcaption>
      <div class="chart-body">
        <svg width={width} height={bars.length * row} viewBox={`0 0 ${width} ${bars.length * row}`} aria-hidden="true" focusable="false">
          {bars.map((b, i) => {
            const share = b.limit ? Math.min(1, b.value / b.limit) : b.limit === null ? 0 : b.value / max;
            return (
              <g key={b.label} transform={`translate(0 ${i * row})`}>
                <rect x="0" y="4" width={width} height={row - 8} rx="3" class="bar-track" />
                <rect x="0" y="4" width={Math.max(share > 0 ? 2 : 0, share * width)} height={row - 8} rx="3" class={b.limit && share >= 0.9 ? 'bar-fill high' : 'bar-fill'} />
              </g>
            );
          })}
        </svg>
        <table class="chart-text">
          <thead class="sr-only">
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.label}>
                <th scope="row">{b.label}</th>
                <td>{b.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** 1 536 000 → "1.5 MB". */
export function formatBytes(n: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${u ? v.toFixed(1) : v} ${units[u]}`;
}
