import { FederationFixture, FEDERATION_LINK } from './serve';

/**
 * Media: `@interfaceObject` (ratings sees the interface `Media` as an object type), abstract
 * types returned by one subgraph and resolved in another (ratings' `topRated: [Media!]!` gets its
 * concrete types from content; editorial's union `Pick = Book | Movie` of entities content
 * resolves), and entities with two keys (`id`, and `isbn` for books).
 */
const MEDIA = [
  { __typename: 'Book', id: 'm1', title: 'Dế Mèn', pages: 120, isbn: '978-1' },
  { __typename: 'Movie', id: 'm2', title: 'Mùa len trâu', minutes: 115 },
  { __typename: 'Book', id: 'm3', title: 'Số đỏ', pages: 200, isbn: '978-3' },
  { __typename: 'Movie', id: 'm4', title: 'Áo lụa Hà Đông', minutes: null },
];
const RATINGS: Record<string, { rating: number | null; votes: number }> = { m1: { rating: 5, votes: 10 }, m2: { rating: 4, votes: 3 }, m3: { rating: null, votes: 0 }, m4: { rating: 3, votes: 1 } };
const PICKS = [{ __typename: 'Movie', id: 'm2', blurb: 'a classic' }, { __typename: 'Book', id: 'm1', blurb: 'for children' }, { __typename: 'Book', id: 'm3', blurb: null }];
const find = (id: string) => MEDIA.find((m) => m.id === id) ?? null;

export const mediaFixture: FederationFixture = {
  name: 'media',
  subgraphs: [
    {
      name: 'content',
      typeDefs: `${FEDERATION_LINK(['@key'])}
        type Query { media: [Media!]! mediaItem(id: ID!): Media }
        interface Media @key(fields: "id") { id: ID! title: String! }
        type Book implements Media @key(fields: "id") @key(fields: "isbn") { id: ID! isbn: String! title: String! pages: Int }
        type Movie implements Media @key(fields: "id") { id: ID! title: String! minutes: Int }`,
      resolvers: {
        Query: { media: () => MEDIA, mediaItem: (_: unknown, { id }: { id: string }) => find(id) },
        Media: { __resolveReference: (ref: { id: string }) => find(ref.id), __resolveType: (m: { __typename: string }) => m.__typename },
        Book: { __resolveReference: (ref: { id?: string; isbn?: string }) => MEDIA.find((m) => (ref.id ? m.id === ref.id : m.isbn === ref.isbn)) ?? null },
        Movie: { __resolveReference: (ref: { id: string }) => find(ref.id) },
      } as never,
    },
    {
      name: 'ratings',
      typeDefs: `${FEDERATION_LINK(['@key', '@interfaceObject'])}
        type Query { topRated(min: Int = 4): [Media!]! }
        type Media @key(fields: "id") @interfaceObject { id: ID! rating: Int votes: Int! }`,
      resolvers: {
        Query: { topRated: (_: unknown, { min }: { min: number }) => Object.entries(RATINGS).filter(([, r]) => (r.rating ?? 0) >= min).map(([id]) => ({ id })) },
        Media: {
          __resolveReference: (ref: { id: string }) => (RATINGS[ref.id] ? { id: ref.id } : null),
          rating: (m: { id: string }) => RATINGS[m.id]?.rating ?? null,
          votes: (m: { id: string }) => RATINGS[m.id]?.votes ?? 0,
        },
      } as never,
    },
    {
      name: 'editorial',
      typeDefs: `${FEDERATION_LINK(['@key'])}
        type Query { picks: [Pick!]! }
        union Pick = Book | Movie
        type Book @key(fields: "id") { id: ID! blurb: String }
        type Movie @key(fields: "id") { id: ID! blurb: String }`,
      resolvers: {
        Query: { picks: () => PICKS },
        Pick: { __resolveType: (p: { __typename: string }) => p.__typename },
        Book: { __resolveReference: (ref: { id: string }) => PICKS.find((p) => p.id === ref.id) ?? { id: ref.id, blurb: null } },
        Movie: { __resolveReference: (ref: { id: string }) => PICKS.find((p) => p.id === ref.id) ?? { id: ref.id, blurb: null } },
      } as never,
    },
  ],
  pools: { values: { id: ['m1', 'm2', 'm3', 'm4'], min: [0, 4, 5] }, failing: { id: ['m9'] } },
};
