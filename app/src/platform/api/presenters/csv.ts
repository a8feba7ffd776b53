// CSV cells and rows (RFC 4180, CRLF) for every CSV the API serves. Cells that a spreadsheet would run
// as a formula (=, +, -, @, tab, CR first) are prefixed with ', the OWASP advice for CSV injection:
// exports hold text that callers typed (a failed sign-in's address, key names, e-mail addresses).
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CRLF-terminated row. */
export function csvRow(values: readonly (string | number | null)[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}
