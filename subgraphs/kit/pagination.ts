import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { BadUserInputError } from './errors';
import { PageInfo } from './shared-types';
import { BasicPersonal, Public, SensitivePersonal } from './classification';

/** The contract's paging rules: `first` defaults to 20; above 100 is BAD_USER_INPUT. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** A validated request for one page: keyset paging on a stable, unique sort key. */
export interface PageRequest {
  first: number;
  /** The sort key of the last item already seen; the page starts strictly after it. */
  afterKey: string | null;
}

const CURSOR_PREFIX = 'k1:';

/** Cursors are opaque to clients: the sort key (never personal data), base64url-encoded. */
export function encodeCursor(key: string): string {
  return Buffer.from(CURSOR_PREFIX + key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const text = /^[A-Za-z0-9_-]{1,400}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!text.startsWith(CURSOR_PREFIX) || text.length === CURSOR_PREFIX.length) {
    throw new BadUserInputError('`after` is not a cursor this API issued; pass the endCursor of a previous page', 'after');
  }
  return text.slice(CURSOR_PREFIX.length);
}

export function pageRequest(args: PageArgs): PageRequest {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`\`first\` must be between 0 and ${MAX_PAGE_SIZE}, got ${first}; page through larger lists with \`after\``, 'first');
  }
  return { first, afterKey: args.after == null ? null : decodeCursor(args.after) };
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Builds a connection from up to `first + 1` rows fetched in key order after the cursor:
 * the extra row only tells whether a next page exists.
 */
export function toConnection<T>(rows: T[], page: PageRequest, keyOf: (row: T) => string, totalCount: number): Connection<T> {
  const nodes = rows.slice(0, page.first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > page.first,
      hasPreviousPage: page.afterKey !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/**
 * Declares `<Name>Edge` and an abstract connection for a node type; a subgraph declares
 * `@ObjectType('<Name>Connection') class X extends ConnectionType(Node, 'Name') {}`.
 */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `An edge of a ${name} connection.` })
  class Edge {
    @Public()
    @Field({ description: 'Opaque cursor of this edge; pass it as `after` to continue after it.' })
    cursor!: string;

    @Public()
    @Field(() => node, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}ConnectionBase`, { description: `A page of ${name} items.` })
  abstract class ConnectionBase implements Connection<T> {
    @Public()
    @Field(() => [Edge], { description: 'The edges of this page, in the default stable order.' })
    edges!: Edge[];

    @Public()
    @Field(() => PageInfo, { description: 'Where this page stands in the whole list.' })
    pageInfo!: PageInfo;

    @Public()
    @Field(() => Int, { description: 'Number of items in the whole list (all pages), under the same filter.' })
    totalCount!: number;
  }
  return ConnectionBase;
}
