/**
 * Merges a subgraph's answer into the response being built: @apollo/gateway's deepMerge, same
 * rules (objects merge, lists of equal length merge element by element, anything else replaces,
 * undefined is skipped), with the own-property check done only when an inherited value is
 * actually there (`__proto__`, `constructor` …), not for every key. `for…in` rather than
 * `Object.keys`: it allocates no array per object merged, and a source is parsed JSON or a plain
 * object the executor built, so it has no inherited enumerable keys.
 */
export function deepMerge(target: any, source: any): any {
  if (source === undefined || source === null) return target;
  for (const key in source) {
    const value = source[key];
    if (value === undefined) continue;
    let existing = target[key];
    if (existing !== undefined && !Object.prototype.hasOwnProperty.call(target, key)) {
      // Inherited: shadow it with an own property rather than merge into the prototype's value.
      Object.defineProperty(target, key, { configurable: true, enumerable: true, value: undefined, writable: true });
      existing = undefined;
    }
    if (existing && isObject(value)) {
      deepMerge(existing, value);
    } else if (Array.isArray(value) && Array.isArray(existing) && value.length === existing.length) {
      for (let i = 0; i < value.length; i += 1) {
        if (isObject(existing[i]) && isObject(value[i])) deepMerge(existing[i], value[i]);
        else existing[i] = value[i];
      }
    } else {
      target[key] = value;
    }
  }
  return target;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
