// The templates as a searchable gallery (the Create screen's picker and the /templates page): a card per
// template with its thumbnail, title, category and example, filtered as the person types. The picker marks
// the chosen one (aria-pressed); the page offers "Use this".
import { useState } from 'preact/hooks';
import type { Template } from '../api-types.ts';
import { labelOf } from '../labels.ts';
import { Thumbnail } from './thumbnail.tsx';

interface Props {
  templates: Template[];
  /** The picker: the chosen template and what choosing does. */
  chosen?: string;
  onChoose?: (t: Template) => void;
  /** The gallery page: a link per card. */
  useHref?: (t: Template) => string;
  /** Group the cards under their category's heading. */
  grouped?: boolean;
  id?: string;
}

export function matches(t: Template, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return q.split(/\s+/).every((word) => `${t.title} ${t.id} ${t.category} ${t.example}`.toLowerCase().includes(word));
}

function Card({ t, chosen, onChoose, useHref }: { t: Template } & Pick<Props, 'chosen' | 'onChoose' | 'useHref'>) {
  return (
    <li class={`card template-card${chosen === t.id ? ' chosen' : ''}`} data-template={t.id}>
      <Thumbnail template={t} />
      <div class="card-body">
        <h3 class="card-title">{t.title}</h3>
        <p class="muted small">{labelOf(t.category)}</p>
        <p class="example small">“{t.example}”</p>
        {onChoose && (
          <button type="button" class="secondary" aria-pressed={chosen === t.id} onClick={() => onChoose(t)}>
            {chosen === t.id ? 'Chosen' : `Use ${t.title}`}
          </button>
        )}
        {useHref && (
          <a class="button" href={useHref(t)} aria-label={`Use this: ${t.title}`}>
            Use this
          </a>
        )}
      </div>
    </li>
  );
}

export function TemplateGallery({ templates, chosen, onChoose, useHref, grouped, id }: Props) {
  const [query, setQuery] = useState('');
  const shown = templates.filter((t) => t.category !== 'fallback' && matches(t, query));
  const searchId = `${id ?? 'gallery'}-search`;
  const categories = grouped ? [...new Set(shown.map((t) => t.category))] : [''];
  return (
    <div class="gallery" id={id}>
      <div class="field">
        <label for={searchId}>Search templates</label>
        <input id={searchId} type="search" value={query} placeholder="sort, pendulum, pie chart…" onInput={(e) => setQuery(e.currentTarget.value)} />
      </div>
      <p class="muted small" role="status">
        {shown.length} of {templates.filter((t) => t.category !== 'fallback').length} templates
      </p>
      {categories.map((c) => (
        <section key={c} aria-label={c ? labelOf(c) : undefined}>
          {c && <h2 class="category">{labelOf(c)}</h2>}
          <ul class="cards">
            {shown
              .filter((t) => !c || t.category === c)
              .map((t) => (
                <Card key={t.id} t={t} chosen={chosen} onChoose={onChoose} useHref={useHref} />
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
