// Human words for what the templates call by machine names: a param's label, unit and help, a fact's name
// and value, and the one-line summary of an analysis. The templates' schemas name their params in
// snake_case with the unit as a suffix (speed_mps, angle_deg, x_range); a schema's own `title` and
// `description` win where a template gives them. One home for the wording: the Create form, the facts list
// and the animation page all read it from here.

/** Unit suffixes of param and fact names, longest first: the unit shown after the field, and its word. */
const UNITS: [suffix: string, unit: string][] = [
  ['_mps2', 'm/s²'],
  ['_mps', 'm/s'],
  ['_npm', 'N/m'],
  ['_deg', '°'],
  ['_rad', 'rad'],
  ['_kg', 'kg'],
  ['_hz', 'Hz'],
  ['_km', 'km'],
  ['_m', 'm'],
  ['_s', 's'],
  ['_pct', '%'],
];

/** Names that do not read well split at underscores. */
const WORDS: Record<string, string> = {
  x_range: 'X range',
  y_range: 'Y range',
  x0: 'At x =',
  g_mps2: 'Gravity',
  k_npm: 'Spring constant',
  n: 'N',
  a: 'A',
  b: 'B',
  A: 'Matrix A',
  B: 'Matrix B',
  m1: 'Mass 1',
  m2: 'Mass 2',
  v1: 'Velocity 1',
  v2: 'Velocity 2',
  values: 'Values',
  angles_deg: 'Angles',
};

export function unitOf(name: string): string | undefined {
  return UNITS.find(([suffix]) => name.endsWith(suffix))?.[1];
}

function sentenceCase(words: string): string {
  const s = words.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "speed_mps" → "Speed", "x_range" → "X range", "max_height_m" → "Max height". */
export function labelOf(name: string, schemaTitle?: string): string {
  if (schemaTitle) return schemaTitle;
  if (WORDS[name]) return WORDS[name];
  const suffix = UNITS.find(([sx]) => name.endsWith(sx))?.[0];
  return sentenceCase(suffix ? name.slice(0, -suffix.length) : name);
}

export interface FieldSchema {
  type?: string | string[];
  enum?: unknown[];
  items?: FieldSchema | FieldSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  title?: string;
  description?: string;
  anyOf?: FieldSchema[];
  default?: unknown;
}

/** The help under a field: the schema's description, else what the limits allow, in words. */
export function helpOf(schema: FieldSchema, unit?: string): string {
  if (schema.description) return schema.description;
  const s = schema.anyOf?.find((x) => x.type !== 'null') ?? schema;
  const u = unit ? ` ${unit}` : '';
  const parts: string[] = [];
  const min = s.minimum ?? s.exclusiveMinimum;
  const max = s.maximum ?? s.exclusiveMaximum;
  if (min !== undefined && max !== undefined) parts.push(`from ${min} to ${max}${u}`);
  else if (min !== undefined) parts.push(`${s.exclusiveMinimum !== undefined ? 'more than' : 'at least'} ${min}${u}`);
  else if (max !== undefined) parts.push(`at most ${max}${u}`);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (type === 'integer') parts.push('a whole number');
  if (type === 'array') {
    const items = Array.isArray(s.items) ? undefined : s.items;
    const what = items?.type === 'number' || items?.type === 'integer' ? 'numbers' : items?.type === 'string' ? 'words' : 'items';
    parts.push(`${what} separated by commas`);
    if (s.minItems !== undefined && s.maxItems !== undefined) parts.push(`${s.minItems} to ${s.maxItems} of them`);
    else if (s.minItems) parts.push(`at least ${s.minItems}`);
    else if (s.maxItems) parts.push(`at most ${s.maxItems}`);
  }
  if (s.anyOf?.some((x) => x.type === 'null')) parts.push('optional');
  const text = parts.join(', ');
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
}

/** A number as people write it: at most four significant decimals, no trailing zeros. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return n.toLocaleString('en');
  return Number(n.toPrecision(4)).toLocaleString('en', { maximumFractionDigits: 6 });
}

/** A fact's value as words: numbers with their unit, lists joined with commas, yes/no, nested facts as "name: value". */
export function formatValue(value: unknown, unit?: string): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.length ? value.map((v) => formatValue(v)).join(Array.isArray(value[0]) || (value[0] && typeof value[0] === 'object') ? '; ' : ', ') : 'none';
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => `${labelOf(k).toLowerCase()} ${formatValue(v, unitOf(k))}`)
      .join(', ');
  return String(value as string | number);
}

/** The facts as readable rows: label and value. */
export function factRows(facts: Record<string, unknown>): { label: string; value: string }[] {
  return Object.entries(facts).map(([name, value]) => ({ label: labelOf(name), value: formatValue(value, unitOf(name)) }));
}

/** Scalar facts first (counts and results), as "4 swaps" or "range 40.78 m": the summary's tail. */
function factPhrases(facts: Record<string, unknown>, max: number): string[] {
  return Object.entries(facts)
    .filter(([, v]) => typeof v === 'number' || typeof v === 'boolean')
    .slice(0, max)
    .map(([name, v]) => {
      const unit = unitOf(name);
      const label = labelOf(name).toLowerCase();
      if (typeof v === 'number' && !unit && Number.isInteger(v)) return `${formatNumber(v)} ${label}`;
      return `${label} ${formatValue(v, unit)}`;
    });
}

/** The analysis in one line: "Bubble sort of 5, 3, 8, 1 — 4 swaps, 6 comparisons". */
export function summaryOf(templateTitle: string, params: Record<string, unknown>, facts: Record<string, unknown>): string {
  const main = Object.entries(params).find(([, v]) => Array.isArray(v) && v.length && v.every((x) => typeof x === 'number' || typeof x === 'string'));
  const head = main ? `${templateTitle} of ${formatValue(main[1])}` : templateTitle;
  const tail = factPhrases(facts, 3);
  return tail.length ? `${head} — ${tail.join(', ')}` : head;
}
