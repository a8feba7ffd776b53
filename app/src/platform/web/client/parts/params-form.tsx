// A template's params as a form: one field per param with a human label, its unit, help and validation,
// all from the template's JSON Schema (GET /templates) through labels.ts. Numbers, text, choices and
// switches get their own inputs; lists are typed with commas; anything deeper is edited as JSON. The
// parent holds the text of every field; read() turns it into params or names the field that is wrong.
import type { FieldSchema } from '../labels.ts';
import { helpOf, labelOf, unitOf } from '../labels.ts';

type Kind = 'number' | 'integer' | 'string' | 'enum' | 'boolean' | 'numbers' | 'strings' | 'json';

export interface Field {
  name: string;
  kind: Kind;
  schema: FieldSchema;
  label: string;
  unit?: string;
  help: string;
  options?: string[];
  optional: boolean;
}

function kindOf(schema: FieldSchema): Kind {
  const s = schema.anyOf?.find((x) => x.type !== 'null') ?? schema;
  if (s.enum) return 'enum';
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (type === 'number' || type === 'integer' || type === 'string' || type === 'boolean') return type;
  const items = Array.isArray(s.items) ? undefined : s.items;
  if (type === 'array' && items && !items.anyOf && !items.items) {
    if (items.type === 'number' || items.type === 'integer') return 'numbers';
    if (items.type === 'string' && !items.enum) return 'strings';
  }
  return 'json';
}

export function fieldsOf(paramsSchema: Record<string, unknown>): Field[] {
  const props = (paramsSchema.properties ?? {}) as Record<string, FieldSchema>;
  return Object.entries(props).map(([name, schema]) => {
    const kind = kindOf(schema);
    const unit = unitOf(name);
    const s = schema.anyOf?.find((x) => x.enum) ?? schema;
    return {
      name,
      kind,
      schema,
      label: labelOf(name, schema.title),
      ...(unit ? { unit } : {}),
      help: helpOf(schema, unit),
      ...(kind === 'enum' ? { options: (s.enum ?? []).map(String) } : {}),
      optional: Boolean(schema.anyOf?.some((x) => x.type === 'null')),
    };
  });
}

/** A param's value as the text of its field. */
export function textOf(field: Field, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (field.kind === 'numbers' || field.kind === 'strings') return Array.isArray(value) ? value.join(', ') : '';
  if (field.kind === 'json') return JSON.stringify(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Why a field's text is not a valid value, in words, or undefined when it is. */
export function problemOf(field: Field, text: string): string | undefined {
  const s = field.schema.anyOf?.find((x) => x.type !== 'null') ?? field.schema;
  const raw = text.trim();
  if (raw === '') return field.optional || field.kind === 'string' || field.kind === 'boolean' ? undefined : `${field.label}: enter a value`;
  const check = (n: number): string | undefined => {
    if (!Number.isFinite(n)) return `${field.label}: "${raw}" is not a number`;
    if (field.kind === 'integer' && !Number.isInteger(n)) return `${field.label}: a whole number`;
    if (s.minimum !== undefined && n < s.minimum) return `${field.label}: at least ${s.minimum}`;
    if (s.maximum !== undefined && n > s.maximum) return `${field.label}: at most ${s.maximum}`;
    if (s.exclusiveMinimum !== undefined && n <= s.exclusiveMinimum) return `${field.label}: more than ${s.exclusiveMinimum}`;
    return undefined;
  };
  if (field.kind === 'number' || field.kind === 'integer') return check(Number(raw));
  if (field.kind === 'numbers') {
    const parts = raw.split(/[\s,;]+/).filter(Boolean);
    const bad = parts.find((p) => !Number.isFinite(Number(p)));
    if (bad !== undefined) return `${field.label}: "${bad}" is not a number`;
    if (s.minItems !== undefined && parts.length < s.minItems) return `${field.label}: at least ${s.minItems} numbers`;
    if (s.maxItems !== undefined && parts.length > s.maxItems) return `${field.label}: at most ${s.maxItems} numbers`;
    return undefined;
  }
  if (field.kind === 'json') {
    try {
      JSON.parse(raw);
    } catch {
      return `${field.label}: not valid JSON (for example [1, 2] or {"a": 1})`;
    }
  }
  return undefined;
}

export function valueOf(field: Field, text: string): unknown {
  const raw = text.trim();
  switch (field.kind) {
    case 'boolean':
      return raw === 'true';
    case 'number':
    case 'integer':
      return raw === '' ? null : Number(raw);
    case 'numbers':
      return raw
        ? raw
            .split(/[\s,;]+/)
            .filter(Boolean)
            .map(Number)
        : [];
    case 'strings':
      return raw
        ? raw
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean)
        : [];
    case 'json':
      return JSON.parse(raw || 'null') as unknown;
    default:
      return raw;
  }
}

/** The params from the fields' texts; throws with every problem, each naming its field. */
export function readParams(fields: Field[], texts: Record<string, string>): Record<string, unknown> {
  const problems = fields.map((f) => problemOf(f, texts[f.name] ?? '')).filter(Boolean);
  if (problems.length) throw new Error(problems.join('; '));
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = valueOf(f, texts[f.name] ?? '');
    if (v !== null || f.optional) out[f.name] = v;
  }
  return out;
}

interface Props {
  fields: Field[];
  texts: Record<string, string>;
  onInput: (name: string, text: string) => void;
  /** A committed edit (change, not each keystroke), with the field's text as it is now: the preview is recomputed. */
  onCommit: (name: string, text: string) => void;
  disabled?: boolean;
}

export function ParamsForm({ fields, texts, onInput, onCommit, disabled }: Props) {
  if (!fields.length) return <p class="muted">This template has no settings.</p>;
  return (
    <div class="params" id="params-form">
      {fields.map((f) => {
        const id = `param-${f.name}`;
        const text = texts[f.name] ?? '';
        const problem = problemOf(f, text);
        const describedBy = [f.help ? `${id}-help` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
        const common = { id, name: f.name, disabled, 'aria-describedby': describedBy, 'aria-invalid': problem ? true : undefined };
        let input;
        if (f.kind === 'enum')
          input = (
            <select {...common} value={text} onChange={(e) => onCommit(f.name, e.currentTarget.value)}>
              {f.optional && <option value="">(none)</option>}
              {f.options!.map((o) => (
                <option value={o}>{labelOf(o)}</option>
              ))}
            </select>
          );
        else if (f.kind === 'boolean') input = <input {...common} type="checkbox" checked={text === 'true'} onChange={(e) => onCommit(f.name, String(e.currentTarget.checked))} />;
        else if (f.kind === 'json') input = <textarea {...common} rows={3} value={text} onInput={(e) => onInput(f.name, e.currentTarget.value)} onChange={(e) => onCommit(f.name, e.currentTarget.value)} />;
        else if (f.kind === 'number' || f.kind === 'integer')
          input = <input {...common} type="number" step={f.kind === 'integer' ? '1' : 'any'} value={text} onInput={(e) => onInput(f.name, e.currentTarget.value)} onChange={(e) => onCommit(f.name, e.currentTarget.value)} />;
        else input = <input {...common} type="text" inputMode={f.kind === 'numbers' ? 'decimal' : undefined} value={text} onInput={(e) => onInput(f.name, e.currentTarget.value)} onChange={(e) => onCommit(f.name, e.currentTarget.value)} />;
        return (
          <div class="field" key={f.name}>
            <label for={id}>
              {f.label}
              {f.unit && <span class="unit"> ({f.unit})</span>}
            </label>
            {input}
            {f.help && (
              <span class="hint" id={`${id}-help`}>
                {f.help}
              </span>
            )}
            {problem && (
              <span class="field-error" id={`${id}-error`} role="alert">
                {problem}
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}
