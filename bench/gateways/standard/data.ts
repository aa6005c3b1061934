import { readFileSync } from 'node:fs';
import { standardFile } from './paths';

/**
 * The standard workload's data set, rebuilt from its expected response (which holds every
 * record reachable by the query), so the subgraphs answer exactly what the public benchmark's
 * subgraphs answer, oddities included: every user's `reviews` are reviews 1 and 2, every
 * review's author is user 1, and `shippingEstimate` is null (the reference inventory answers
 * null; the gateway must still fetch price and weight for it).
 */
export interface User {
  id: string;
  name: string;
  username: string;
}
export interface Product {
  upc: string;
  name: string;
  price: number;
  weight: number;
  inStock: boolean;
}
export interface Review {
  id: string;
  body: string;
  authorId: string;
  productUpc: string;
}
export interface StandardData {
  users: Map<string, User>;
  /** In the order of `topProducts`. */
  products: Map<string, Product>;
  reviews: Map<string, Review>;
  reviewsOfUser: Map<string, string[]>;
  reviewsOfProduct: Map<string, string[]>;
}

type Json = Record<string, any>;

export function loadStandardData(expected: Json = JSON.parse(readFileSync(standardFile('expected-response.json'), 'utf8'))): StandardData {
  const data: StandardData = { users: new Map(), products: new Map(), reviews: new Map(), reviewsOfUser: new Map(), reviewsOfProduct: new Map() };
  const partial = new Map<string, Partial<Review>>();
  const review = (r: Json, context: { authorId?: string; productUpc?: string }) => {
    const known: Partial<Review> = partial.get(r.id) ?? { id: r.id };
    known.body = r.body;
    if (r.author) known.authorId = r.author.id;
    else if (context.authorId) known.authorId ??= context.authorId;
    if (r.product) known.productUpc = r.product.upc;
    else if (context.productUpc) known.productUpc ??= context.productUpc;
    partial.set(r.id, known);
    if (r.author) user(r.author);
    if (r.product) product(r.product);
  };
  const user = (u: Json) => {
    data.users.set(u.id, { id: u.id, name: u.name, username: u.username });
    if (u.reviews) {
      data.reviewsOfUser.set(u.id, u.reviews.map((r: Json) => r.id));
      u.reviews.forEach((r: Json) => review(r, {}));
    }
  };
  const product = (p: Json) => {
    data.products.set(p.upc, { upc: p.upc, name: p.name, price: p.price, weight: p.weight, inStock: p.inStock });
    if (p.reviews) {
      data.reviewsOfProduct.set(p.upc, p.reviews.map((r: Json) => r.id));
      p.reviews.forEach((r: Json) => review(r, { productUpc: p.upc }));
    }
  };
  expected.data.topProducts.forEach(product);
  expected.data.users.forEach(user);
  // topProducts first, in their order (products reached only through reviews come after).
  const ordered = new Map<string, Product>([...expected.data.topProducts.map((p: Json) => [p.upc as string, data.products.get(p.upc)!] as const), ...data.products]);
  data.products = ordered;
  for (const [id, r] of partial) {
    if (!r.body || !r.authorId || !r.productUpc) throw new Error(`review ${id} is incomplete in the expected response`);
    data.reviews.set(id, r as Review);
  }
  return data;
}
