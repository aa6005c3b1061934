/**
 * Response equality as the benchmark checks it: the same JSON values (object key order aside,
 * list order kept). `firstDifference` says where two answers part, for the error message.
 */
export function firstDifference(actual: unknown, expected: unknown, path = '$'): string | undefined {
  if (actual === expected) return undefined;
  if (typeof actual !== typeof expected || actual === null || expected === null || typeof actual !== 'object') {
    return `${path}: ${brief(actual)} ≠ expected ${brief(expected)}`;
  }
  if (Array.isArray(actual) !== Array.isArray(expected)) return `${path}: ${brief(actual)} ≠ expected ${brief(expected)}`;
  if (Array.isArray(actual)) {
    const other = expected as unknown[];
    if (actual.length !== other.length) return `${path}: ${actual.length} items ≠ expected ${other.length}`;
    for (let i = 0; i < actual.length; i += 1) {
      const difference = firstDifference(actual[i], other[i], `${path}[${i}]`);
      if (difference) return difference;
    }
    return undefined;
  }
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(e)])) {
    if (!(key in a)) return `${path}.${key}: missing, expected ${brief(e[key])}`;
    if (!(key in e)) return `${path}.${key}: ${brief(a[key])} not expected`;
    const difference = firstDifference(a[key], e[key], `${path}.${key}`);
    if (difference) return difference;
  }
  return undefined;
}

export function sameJson(actual: unknown, expected: unknown): boolean {
  return firstDifference(actual, expected) === undefined;
}

function brief(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? 'undefined' : text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
