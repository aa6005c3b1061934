import { cellOf, Column } from './columns';

/** UTF-8 byte order mark: spreadsheet tools (Excel) then read Vietnamese text as UTF-8. */
export const BOM = '\uFEFF';

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled; lines end with CRLF. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** How an export writes its rows; the route streams what these return. */
export interface RowWriter {
  contentType: string;
  extension: string;
  /** Text before the first row (BOM and header for CSV). */
  start(): string;
  row(node: unknown): string;
  /** The last line when the export stops on an error after the first byte. */
  error(code: string, message: string): string;
}

export function csvWriter(columns: Column[]): RowWriter {
  return {
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
    start: () => BOM + csvLine(columns.map((c) => c.name)),
    row: (node) => csvLine(columns.map((c) => cellOf(node, c))),
    // A row whose first cell starts with "#ERROR" (no valid row starts so unless a value does;
    // a client checks the last line).
    error: (code, message) => csvLine([`#ERROR ${code}`, message]),
  };
}

export function ndjsonWriter(): RowWriter {
  return {
    contentType: 'application/x-ndjson; charset=utf-8',
    extension: 'ndjson',
    start: () => '',
    row: (node) => `${JSON.stringify(node)}\n`,
    error: (code, message) => `${JSON.stringify({ error: { code, message } })}\n`,
  };
}
