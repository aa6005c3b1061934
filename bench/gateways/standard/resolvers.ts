import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { StandardData } from './data';
import type { StandardSubgraph } from './sdl';

/** Each standard subgraph answers only its own fields, from the shared data set. */
export function standardResolvers(name: StandardSubgraph, data: StandardData): GraphQLResolverMap<unknown> {
  const reviewsOf = (ids: string[] | undefined) => (ids ?? []).map((id) => data.reviews.get(id));
  switch (name) {
    case 'accounts':
      return {
        Query: {
          me: () => data.users.get('1'),
          user: (_: unknown, { id }: { id: string }) => data.users.get(id),
          users: () => [...data.users.values()],
        },
        User: { __resolveReference: (ref: { id: string }) => data.users.get(ref.id) },
      };
    case 'products':
      return {
        Query: { topProducts: (_: unknown, { first }: { first: number }) => [...data.products.values()].slice(0, first) },
        Product: { __resolveReference: (ref: { upc: string }) => data.products.get(ref.upc) },
      };
    case 'inventory':
      return {
        Product: {
          __resolveReference: (ref: { upc: string; price?: number; weight?: number }) => ({ ...ref, inStock: data.products.get(ref.upc)?.inStock ?? null }),
          // The reference subgraphs answer null here (see data.ts); a gateway must still send the
          // price and weight it @requires, so a representation without them is an error.
          shippingEstimate: (product: { price?: number; weight?: number }) => {
            if (typeof product.price !== 'number' || typeof product.weight !== 'number') throw new Error('shippingEstimate @requires price and weight: the representation lacks them');
            return null;
          },
        },
      };
    case 'reviews':
      return {
        Review: {
          __resolveReference: (ref: { id: string }) => data.reviews.get(ref.id),
          // @provides(fields: "username"): the author comes with its username.
          author: (review: { authorId: string }) => ({ id: review.authorId, username: data.users.get(review.authorId)?.username }),
          product: (review: { productUpc: string }) => ({ upc: review.productUpc }),
        },
        User: {
          __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
          reviews: (user: { id: string }) => reviewsOf(data.reviewsOfUser.get(user.id)),
        },
        Product: {
          __resolveReference: (ref: { upc: string }) => ({ upc: ref.upc }),
          reviews: (product: { upc: string }) => reviewsOf(data.reviewsOfProduct.get(product.upc)),
        },
      };
  }
}
