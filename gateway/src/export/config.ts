/** EXPORT_MAX_ROWS: the most rows one export may write (default 1,000,000). */
export function exportMaxRows(env: Record<string, string | undefined> = process.env): number {
  const raw = env.EXPORT_MAX_ROWS;
  if (raw === undefined || raw === '') return 1_000_000;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`EXPORT_MAX_ROWS must be a positive integer, got "${raw}"`);
  return value;
}
