/**
 * A cache key for one operation with its variables (plugins cache per-document work by it), or
 * undefined when there is none to trust: no query hash, or variables JSON cannot print (nested
 * too deep: the limits refuse those themselves, with a 400).
 */
export function operationKey(queryHash: string | undefined, operationName: string | null | undefined, variables: Record<string, unknown> | undefined): string | undefined {
  if (!queryHash) return undefined;
  try {
    return `${queryHash}|${operationName ?? ''}|${JSON.stringify(variables ?? {})}`;
  } catch {
    return undefined;
  }
}
