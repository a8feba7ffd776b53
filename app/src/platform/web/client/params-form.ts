// Builds an editable form from a template's params JSON Schema (GET /templates) and reads it back.
// Numbers, text, choices and booleans get their own inputs; lists are comma-separated; anything more
// complex is edited as JSON.
import { el } from './dom.ts';

interface PropSchema {
  type?: string | string[];
  enum?: unknown[];
  items?: PropSchema;
  minimum?: number;
  maximum?: number;
  description?: string;
  anyOf?: PropSchema[];
}

type Kind = 'number' | 'integer' | 'string' | 'enum' | 'boolean' | 'numbers' | 'strings' | 'json';

function kindOf(schema: PropSchema): Kind {
  const s = schema.anyOf?.find((x) => x.type !== 'null') ?? schema;
  if (s.enum) return 'enum';
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (type === 'number') return 'number';
  if (type === 'integer') return 'integer';
  if (type === 'string') return 'string';
  if (type === 'boolean') return 'boolean';
  if (type === 'array' && s.items && !s.items.anyOf) {
    if (s.items.type === 'number' || s.items.type === 'integer') return 'numbers';
    if (s.items.type === 'string') return 'strings';
  }
  return 'json';
}

/** A scalar param's value (from JSON) as an input's text: empty when unset; anything else the schema let through, as JSON. */
function inputText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export class ParamsForm {
  private readonly form: HTMLFormElement;
  private fields: { name: string; kind: Kind; input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement }[] = [];

  constructor(form: HTMLFormElement) {
    this.form = form;
  }

  build(schema: { properties?: Record<string, unknown> }, values: Record<string, unknown>, onChange: () => void): void {
    this.form.replaceChildren();
    this.fields = [];
    for (const [name, prop] of Object.entries((schema.properties ?? {}) as Record<string, PropSchema>)) {
      const kind = kindOf(prop);
      const value = values[name];
      let input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
      if (kind === 'enum') {
        const select = el('select', { name });
        for (const option of (prop.anyOf?.find((x) => x.enum) ?? prop).enum ?? []) select.append(el('option', { value: String(option) }, String(option)));
        select.value = inputText(value);
        input = select;
      } else if (kind === 'boolean') {
        input = el('input', { name, type: 'checkbox' });
        input.checked = Boolean(value);
      } else if (kind === 'number' || kind === 'integer') {
        input = el('input', { name, type: 'number', step: kind === 'integer' ? '1' : 'any' });
        if (prop.minimum !== undefined) input.setAttribute('min', String(prop.minimum));
        if (prop.maximum !== undefined) input.setAttribute('max', String(prop.maximum));
        input.value = inputText(value);
      } else if (kind === 'numbers' || kind === 'strings') {
        input = el('input', { name, type: 'text' });
        input.value = Array.isArray(value) ? value.join(', ') : '';
      } else if (kind === 'json') {
        input = el('textarea', { name, rows: '3' });
        input.value = JSON.stringify(value ?? null);
      } else {
        input = el('input', { name, type: 'text' });
        input.value = inputText(value);
      }
      input.addEventListener('change', onChange);
      const label = el('label', {}, el('span', {}, name), input);
      if (prop.description) label.append(el('span', { class: 'hint' }, prop.description));
      this.form.append(label);
      this.fields.push({ name, kind, input });
    }
  }

  /** The edited values; throws with a message naming the field when one cannot be read. */
  read(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const { name, kind, input } of this.fields) {
      const raw = input.value.trim();
      if (kind === 'boolean') out[name] = (input as HTMLInputElement).checked;
      else if (kind === 'number' || kind === 'integer') {
        if (raw !== '') out[name] = Number(raw);
      } else if (kind === 'numbers')
        out[name] = raw
          ? raw
              .split(/[\s,;]+/)
              .filter(Boolean)
              .map(Number)
          : [];
      else if (kind === 'strings')
        out[name] = raw
          ? raw
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
          : [];
      else if (kind === 'json') {
        try {
          out[name] = JSON.parse(raw || 'null');
        } catch {
          throw new Error(`${name}: not valid JSON`);
        }
      } else out[name] = raw;
    }
    return out;
  }
}
