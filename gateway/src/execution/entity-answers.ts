import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { RepresentationMap } from './representation-map';
import type { FlatEntitySelection } from './flat-entity-selection';

type ResultMap = Record<string, any>;

/**
 * The leaf fields one client request's subgraphs have already answered for each entity, by
 * subgraph and representation. A plan can fetch the same entity's field twice: the standard
 * benchmark's query fetches `inStock shippingEstimate` for the top products, then, a stage
 * later, `shippingEstimate` for the same products reached through their reviews; the second
 * fetch, a whole round trip on the critical path, is answered from here. Hive Gateway makes
 * neither call either (recorded by bench/gateways: 7 calls in 3 stages; it also reuses the
 * `inStock` answered for a representation that carried `price` and `weight`, which this
 * stricter match, on the whole representation, does not).
 *
 * It lives as long as one request, so it holds one caller's answers only. Only answers without
 * errors are kept, only for fetches that select plain leaf fields (flat-entity-selection.ts),
 * and only for query operations: within one query a field of one entity has one value.
 */
export class EntityAnswers {
  /** Per subgraph: per flat representation (its fields in name order: see `sortedNames`), the fields answered. */
  private readonly known = new Map<string, RepresentationMap<ResultMap>>();

  /** The entities, in order, if this subgraph already answered every selected field of every representation; else undefined. */
  recall(selection: FlatEntitySelection, representations: ResultMap[]): ResultMap[] | undefined {
    const known = this.known.get(selection.subgraph);
    if (!known) return undefined;
    const entities: ResultMap[] = [];
    for (const representation of representations) {
      const typename = representation.__typename as string;
      const fields = selection.fieldsByType.get(typename);
      const answered = fields && known.get(representation, sortedNames(representation));
      if (!answered) return undefined;
      const entity: ResultMap = selection.typename ? { __typename: typename } : {};
      for (const field of fields) {
        if (!(field in answered)) return undefined;
        entity[field] = answered[field];
      }
      entities.push(entity);
    }
    return entities;
  }

  /** Keeps what a call answered for its representations, if it answered them all without error. */
  remember(selection: FlatEntitySelection, representations: ResultMap[], response: GatewayGraphQLResponse): void {
    const entities = (response.data as ResultMap | null | undefined)?._entities;
    if (response.errors?.length || !Array.isArray(entities) || entities.length !== representations.length) return;
    let known = this.known.get(selection.subgraph);
    if (!known) this.known.set(selection.subgraph, (known = new RepresentationMap(false)));
    representations.forEach((representation, i) => {
      const entity = entities[i] as ResultMap | null;
      const fields = selection.fieldsByType.get(representation.__typename as string);
      if (!entity || typeof entity !== 'object' || !fields) return;
      const answered = known.ensure(representation, Object.create(null) as ResultMap, sortedNames(representation));
      for (const field of fields) if (field in entity) answered[field] = entity[field];
    });
  }
}

/**
 * A representation's field names in one order, so that representations with the same fields and
 * values in any order are one (a key and the fields a `@requires` adds come in the order of each
 * fetch's selection). One with an object value is never remembered (RepresentationMap(false)).
 */
function sortedNames(representation: ResultMap): string[] {
  return Object.keys(representation).sort();
}
