// The lines of a batch: pasted text (one description a line) or a CSV file with a `description` column
// and optional `quality`, `duration` (seconds) and `style` columns, as POST /animations/batch takes them.
// The CSV reader follows RFC 4180 (quoted fields, doubled quotes, commas and line breaks inside quotes);
// a file without a description column is said so in words, naming the columns it found.

export interface BatchLine {
  description: string;
  quality?: string;
  duration?: number;
  style?: string;
  /** Where it came from, for messages ("line 3", "row 4"). */
  where: string;
}

/** Lines of text, blank ones skipped. */
export function linesOfText(text: string): BatchLine[] {
  return text
    .split(/\r?\n/)
    .map((l, i) => ({ description: l.trim(), where: `line ${i + 1}` }))
    .filter((l) => l.description !== '');
}

/** RFC 4180 records. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** The lines of a CSV file; throws an Error saying what is wrong with the file. */
export function linesOfCsv(text: string): BatchLine[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  if (!header) throw new Error('The CSV file is empty: it needs a header row with a description column, then one row per animation.');
  const names = header.map((h) => h.trim().toLowerCase());
  const col = (n: string) => names.indexOf(n);
  if (col('description') < 0) throw new Error(`The CSV file has no description column (its columns: ${names.join(', ') || 'none'}); name the column of descriptions “description”.`);
  return rows.map((r, i) => {
    const get = (n: string) => (col(n) >= 0 ? (r[col(n)] ?? '').trim() : '');
    const where = `row ${i + 2}`;
    const duration = get('duration');
    const seconds = duration ? Number(duration) : undefined;
    if (seconds !== undefined && !(seconds > 0)) throw new Error(`${where}: the duration “${duration}” is not a number of seconds; write e.g. 12 or leave it empty.`);
    return { description: get('description'), where, ...(get('quality') ? { quality: get('quality') } : {}), ...(seconds ? { duration: seconds } : {}), ...(get('style') ? { style: get('style') } : {}) };
  });
}
