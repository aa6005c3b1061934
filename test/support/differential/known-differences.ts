import type { ComparableAnswer } from './compare';
import type { Reference } from './reference';

/**
 * Where plain @apollo/gateway 2.14 answers wrong and the shipped gateway right (documented in
 * gateway/src/execution/README.md, "Where plain @apollo/gateway is wrong"). Each case names what
 * the right answer is and checks it of the shipped gateway's answer, so a difference is accepted
 * only when the shipped answer is the right one; anything else fails the differential test.
 */
export interface KnownDifference {
  name: string;
  /** The shipped answer is right and plain's wrong in this documented way. */
  explains(plain: ComparableAnswer, shipped: ComparableAnswer, reference: Reference): boolean;
}

type Error = NonNullable<ComparableAnswer['errors']>[number];

const text = (value: unknown) => JSON.stringify(value);
const sameErrors = (a: Error[] = [], b: Error[] = []) => text(a) === text(b);

/** Sorts object keys at every level (for "the same content in another order"). */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]));
  return value;
}

/** Removes from `all` one occurrence of each of `some` (errors are compared as a multiset). */
function without(all: Error[], some: Error[]): Error[] | undefined {
  const rest = [...all];
  for (const error of some) {
    const at = rest.findIndex((e) => text(e) === text(error));
    if (at < 0) return undefined;
    rest.splice(at, 1);
  }
  return rest;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || value === undefined || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function containsEmptyObject(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(containsEmptyObject);
  if (value && typeof value === 'object') return Object.keys(value).length === 0 || Object.values(value).some(containsEmptyObject);
  return false;
}

/** Where the two values differ, plain has null and the shipped value holds a selection answered with `{}`. */
function onlyEmptySelectionsNulled(plain: unknown, shipped: unknown): boolean {
  if (text(plain) === text(shipped)) return true;
  if (plain === null || plain === undefined) return shipped !== null && containsEmptyObject(shipped);
  if (typeof plain !== 'object' || typeof shipped !== 'object' || shipped === null) return false;
  const plainKeys = Object.keys(plain);
  if (Array.isArray(plain) !== Array.isArray(shipped) || text(plainKeys) !== text(Object.keys(shipped))) return false;
  return plainKeys.every((key) => onlyEmptySelectionsNulled((plain as Record<string, unknown>)[key], (shipped as Record<string, unknown>)[key]));
}

/** Every key plain answers, the shipped answers with the same value; the shipped answers some more. */
function plainIsSubtree(plain: unknown, shipped: unknown): boolean {
  if (text(plain) === text(shipped)) return true;
  if (!plain || !shipped || typeof plain !== 'object' || typeof shipped !== 'object' || Array.isArray(plain) !== Array.isArray(shipped)) return false;
  if (Array.isArray(plain)) return plain.length === (shipped as unknown[]).length && plain.every((item, i) => plainIsSubtree(item, (shipped as unknown[])[i]));
  const shippedKeys = Object.keys(shipped);
  let at = 0;
  // Same relative order: plain's keys appear in the shipped object in the same sequence.
  for (const key of Object.keys(plain)) {
    at = shippedKeys.indexOf(key, at);
    if (at < 0 || !plainIsSubtree((plain as Record<string, unknown>)[key], (shipped as Record<string, unknown>)[key])) return false;
  }
  return true;
}

export const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    // `business { name ... on Business { taxCode } status ... on Business { foreignInvested } }`:
    // federation-internals keys a selection set's fragments by type condition and merges the second
    // `... on Business` into the first, and @apollo/gateway answers in that merged order
    // (foreignInvested before status). The spec's CollectFields orders the response by each field's
    // first selection; the shipped gateway shapes the answer from the document as written.
    name: 'fields are answered in the order of their first selection',
    explains(plain, shipped, reference) {
      return sameErrors(plain.errors, shipped.errors) && text(sortedKeys(plain.data)) === text(sortedKeys(shipped.data)) && reference.inSpecOrder(shipped.data) && !reference.inSpecOrder(plain.data);
    },
  },
  {
    // A subgraph answers a request it refuses (a variable of the wrong format) with HTTP 400 and
    // GraphQL errors saying why; RemoteGraphQLDataSource replaces them with "400: Bad Request"
    // (INTERNAL_SERVER_ERROR). The shipped gateway passes the subgraph's own errors on.
    name: 'a subgraph 4xx answer keeps its GraphQL errors',
    explains(plain, shipped) {
      if (text(plain.data) !== text(shipped.data)) return false;
      const httpStatus = (plain.errors ?? []).filter((e) => /^\d{3}: /.test(e.message) && e.code === 'INTERNAL_SERVER_ERROR');
      if (httpStatus.length === 0) return false;
      const plainRest = (plain.errors ?? []).filter((e) => !httpStatus.includes(e));
      const extra = without(shipped.errors ?? [], plainRest);
      // In their place, at least one error of the subgraph's, with its code.
      return !!extra && extra.length >= httpStatus.length && extra.every((e) => typeof e.code === 'string' && e.code !== 'INTERNAL_SERVER_ERROR' && e.message.length > 10);
    },
  },
  {
    // federation-internals moves `__typename` first in a selection it expands, and @apollo/gateway
    // answers the introspection of that expanded selection: the client's field order is lost.
    // The shipped gateway's introspection is graphql-js's over the operation as written.
    name: 'introspection keeps the client\'s field order',
    explains(plain, shipped, reference) {
      if (!sameErrors(plain.errors, shipped.errors) || text(sortedKeys(plain.data)) !== text(sortedKeys(shipped.data))) return false;
      const plainData = (plain.data ?? {}) as Record<string, unknown>;
      const shippedData = (shipped.data ?? {}) as Record<string, unknown>;
      return Object.keys(shippedData).every((key) => text(plainData[key]) === text(shippedData[key]) || text(shippedData[key]) === text(reference.introspection(key)));
    },
  },
  {
    // `node { ... on Applicant { ... on Citizen { residence { name } } ... on Business { foreignInvested } } }`
    // over a Business: @apollo/gateway answers `node: {}`, dropping the fields of the branch that
    // applies (its response shaping of nested fragments on a union; the subgraph did return them).
    // The shipped gateway answers `foreignInvested`, as graphql-js would
    // (test/differential-known-cases.test.ts asserts the exact answer of the smallest such operation).
    // Where the same field is also selected outside the fragments, plain answers it, but in the
    // place of that later selection: the shipped answer must then be in the spec's order
    // (graphql-js's CollectFields over the operation), `usesDigitalPlatform` before `status` in
    // `business { ... on Applicant { ... on Business { usesDigitalPlatform } } status usesDigitalPlatform }`.
    name: 'fields of a fragment on a union inside a fragment on the same union are kept',
    explains(plain, shipped, reference) {
      return sameErrors(plain.errors, shipped.errors) && text(plain.data) !== text(shipped.data) && plainIsSubtree(sortedKeys(plain.data), sortedKeys(shipped.data)) && reference.inSpecOrder(shipped.data);
    },
  },
  {
    // A field whose every subfield is skipped (`sectors { count @include(if: false) }`) is an
    // object with no fields: `{}` (a list of them for a list). @apollo/gateway drops the field,
    // then nulls the non-null parent up to `data: null` without reporting any error.
    name: 'a selection whose fields are all skipped answers {}',
    explains(plain, shipped) {
      return sameErrors(plain.errors, shipped.errors) && text(plain.data) !== text(shipped.data) && onlyEmptySelectionsNulled(plain.data, shipped.data);
    },
  },
  {
    // Two fields of one fetch fail and null the same non-null parent: graphql-js in the subgraph
    // stops at the first, so which error is reported depends on the order of the fields in the
    // fetch, which differs when the shipped gateway's access step adds its helper fields. Both
    // answers are right; the data must be the same and every error must lie under a null.
    name: 'sibling failures under one null: the first in the fetch is reported',
    explains(plain, shipped) {
      if (text(plain.data) !== text(shipped.data) || !plain.errors?.length || !shipped.errors?.length) return false;
      const onlyPlain = without(plain.errors, shipped.errors.filter((e) => plain.errors!.some((p) => text(p) === text(e)))) ?? [];
      const onlyShipped = shipped.errors.filter((e) => !plain.errors!.some((p) => text(p) === text(e)));
      const underNull = (e: Error) => e.code === 'BAD_USER_INPUT' && !!e.path && e.path.some((_, i) => i > 0 && valueAt(plain.data, e.path!.slice(0, i)) === null);
      return onlyPlain.length > 0 && onlyShipped.length > 0 && [...onlyPlain, ...onlyShipped].every(underNull);
    },
  },
  {
    // A value the response shaping nulls (a non-null field a subgraph left null, e.g. of an
    // entity it answered null for; an invalid value) is an error of the response, as graphql-js
    // reports it. @apollo/gateway puts it only in `extensions.valueCompletion` (when no subgraph
    // reported an error; both drop it otherwise). The data must be the same, plain without errors,
    // each shipped error a value-completion error under a null of the data.
    name: 'a value nulled by the shaping is reported in errors',
    explains(plain, shipped) {
      if (text(plain.data) !== text(shipped.data) || plain.errors?.length || !shipped.errors?.length) return false;
      const extra = shipped.errors;
      const underNull = (path: (string | number)[]) => shipped.data === null || path.some((_, i) => valueAt(shipped.data, path.slice(0, i + 1)) === null);
      return !!extra && extra.length > 0 && extra.every((e) => e.code === 'INVALID_GRAPHQL' && /^(Cannot return null for non-nullable |Invalid value found for |Invalid __typename found )/.test(e.message) && !!e.path?.length && underNull(e.path));
    },
  },
  {
    // A root field for which the query planner plans no fetch (its selections can be answered by
    // no subgraph: an interface whose implementations are all behind a non-resolvable
    // @interfaceObject) cannot be answered: the request fails, `data: null` with an error naming the
    // field. @apollo/gateway answers the field null without an error.
    name: 'a root field no subgraph can resolve is an error',
    explains(plain, shipped) {
      if (plain.errors?.length || shipped.data !== null || !shipped.errors?.length || !plain.data || typeof plain.data !== 'object') return false;
      return shipped.errors.every((e) => e.code === 'INVALID_GRAPHQL' && e.path?.length === 1 && e.message.startsWith(`Cannot resolve field "${e.path[0]}"`) && (plain.data as Record<string, unknown>)[e.path[0]] === null);
    },
  },
];

/** The documented case that explains a difference, if one does. */
export function knownDifference(plain: ComparableAnswer, shipped: ComparableAnswer, reference: Reference): string | undefined {
  return KNOWN_DIFFERENCES.find((known) => known.explains(plain, shipped, reference))?.name;
}
