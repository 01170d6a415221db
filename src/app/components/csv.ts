/**
 * CSV that spreadsheets open right and cannot be turned against the person opening it:
 * RFC 4180 (fields with a comma, quote or line break are quoted, quotes doubled, CRLF
 * between records), UTF-8 with a byte-order mark so accents survive a double-click, and no
 * formula injection (a cell starting with = + - @, a tab or a carriage return is prefixed
 * with an apostrophe, as OWASP advises).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Offers `csv` as a download named `name`. */
export function downloadCsv(csv: string, name: string): void {
  downloadText(csv, name, 'text/csv;charset=utf-8');
}

/** Offers `text` as a download named `name`. */
export function downloadText(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
