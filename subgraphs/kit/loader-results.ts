// A DataLoader batch function answers in key order, one entry per key, null (or an empty list)
// for a key with no row: these helpers turn the rows of one SQL statement into that shape.

/** One row per key, in key order; null where no row has the key. */
export function inKeyOrder<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? null);
}

/** All rows of each key, in key order (rows keep their order); [] where no row has the key. */
export function groupedInKeyOrder<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const byKey = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) byKey.get(keyOf(row))?.push(row);
  return keys.map((key) => byKey.get(key) ?? []);
}
