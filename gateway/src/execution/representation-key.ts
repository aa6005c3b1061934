type ResultMap = Record<string, any>;

/**
 * Equal exactly for equal representations. Most are flat (`__typename` and key fields): their
 * fields joined cost far less than JSON.stringify; nested ones fall back to it.
 */
export function representationKey(representation: ResultMap): string {
  return flatRepresentationKey(representation) ?? JSON.stringify(representation);
}

/**
 * A flat representation's fields joined, in the order of `names` (default: the object's own);
 * undefined when a value is an object. Unambiguous: field names are GraphQL names, strings
 * carry their length, other values contain no '|'.
 */
export function flatRepresentationKey(representation: ResultMap, names?: readonly string[]): string | undefined {
  let key = '';
  if (names) {
    for (const name of names) {
      const part = fieldPart(name, representation[name]);
      if (part === undefined) return undefined;
      key += part;
    }
  } else {
    for (const name in representation) {
      const part = fieldPart(name, representation[name]);
      if (part === undefined) return undefined;
      key += part;
    }
  }
  return key;
}

function fieldPart(name: string, value: unknown): string | undefined {
  const type = typeof value;
  if (value !== null && type === 'object') return undefined;
  return type === 'string' ? `${name}=s${(value as string).length}:${value}|` : `${name}=${type[0]}${value}|`;
}
