type ResultMap = Record<string, any>;
type Trie = Map<unknown, unknown>;

const END = Symbol('representation');
const NESTED = Symbol('nested');

/**
 * A map keyed by representations, equal exactly for equal representations: the same fields, in
 * the same order (the object's own, or the order of `names`), with the same values, type
 * included (`1` is not `"1"`, `null` is not `"null"`). It builds no key string: a flat
 * representation is a path through a trie of Maps, field name and value in turn, so a
 * representation seen before allocates nothing (a request's fetches repeat the same entities
 * many times; building a key string for each was a sixth of the gateway's allocations on the
 * standard benchmark). A representation with an object value is keyed by its JSON when
 * `nestedByJson` is on, and is never kept when it is off.
 */
export class RepresentationMap<V> {
  private readonly flat: Trie = new Map();
  private readonly nested = new Map<string, V>();

  constructor(private readonly nestedByJson = true) {}

  get(representation: ResultMap, names?: readonly string[]): V | undefined {
    const node = findNode(this.flat, representation, names, false);
    if (node === NESTED) return this.nestedByJson ? this.nested.get(JSON.stringify(representation)) : undefined;
    return node?.get(END) as V | undefined;
  }

  /** The value kept for this representation; if none, keeps `value` and returns it (one walk for both). */
  ensure(representation: ResultMap, value: V, names?: readonly string[]): V {
    const node = findNode(this.flat, representation, names, true);
    if (node === NESTED) {
      if (!this.nestedByJson) return value;
      const key = JSON.stringify(representation);
      const kept = this.nested.get(key);
      if (kept !== undefined) return kept;
      this.nested.set(key, value);
      return value;
    }
    const kept = node!.get(END) as V | undefined;
    if (kept !== undefined) return kept;
    node!.set(END, value);
    return value;
  }
}

/**
 * The trie node of a flat representation (created on the way when `create`), undefined when
 * absent, NESTED when a value is an object (a branch created before that one holds no value).
 */
function findNode(root: Trie, representation: ResultMap, names: readonly string[] | undefined, create: boolean): Trie | undefined | typeof NESTED {
  let node = root;
  // Two loops rather than `names ?? Object.keys(…)`: walking the object's own order allocates nothing.
  if (names) {
    for (const name of names) {
      const next = descend(node, name, representation[name], create);
      if (next === undefined || next === NESTED) return next;
      node = next;
    }
  } else {
    for (const name in representation) {
      const next = descend(node, name, representation[name], create);
      if (next === undefined || next === NESTED) return next;
      node = next;
    }
  }
  return node;
}

/** One field: its name, then its value. */
function descend(node: Trie, name: string, value: unknown, create: boolean): Trie | undefined | typeof NESTED {
  if (value !== null && typeof value === 'object') return NESTED;
  const named = step(node, name, create);
  return named && step(named, value, create);
}

function step(node: Trie, part: unknown, create: boolean): Trie | undefined {
  let next = node.get(part) as Trie | undefined;
  if (next === undefined && create) node.set(part, (next = new Map()));
  return next;
}
