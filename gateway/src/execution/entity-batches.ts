import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { EntityAnswers } from './entity-answers';
import { RepresentationMap } from './representation-map';
import type { FlatEntitySelection } from './flat-entity-selection';

type ResultMap = Record<string, any>;

/** One `_entities` fetch of a plan, ready to be sent. */
export interface EntityCall {
  /** Subgraph, operation and variables (without the representations): calls with the same key can go as one. */
  key: string;
  representations: ResultMap[];
  /**
   * Set for a query's fetch of plain leaf fields: what its subgraph answered earlier in the
   * request for the same representations answers it without a call (entity-answers.ts).
   */
  recallable?: FlatEntitySelection;
  /** Sends the call with these representations. */
  send(representations: ResultMap[]): Promise<GatewayGraphQLResponse>;
}

/**
 * The `_entities` calls of one client request. A fetch waits until the request has no other
 * subgraph call in flight (`track`), so the parallel branches of a plan reach their next fetches
 * and go in stages, as the Rust planner's plans do by construction: calls with the same
 * subgraph, operation and variables then go as one, and each distinct representation is sent
 * once (the standard benchmark's plans repeat the same product many times). A fetch never waits
 * longer than the calls already in flight for the same request, which the subgraph time limit
 * bounds. Each fetch gets back its own list of entities and the errors at its own
 * representations (re-indexed); an error about no representation in particular goes to the first
 * fetch only.
 *
 * A batch whose every distinct representation's fields its subgraph already answered in this
 * request makes no call: it is answered from those answers (`recallable`).
 *
 * Only one request's calls are combined, so one caller's identity and signature cover each call.
 */
export class EntityBatches {
  private readonly open = new Map<string, Batch>();
  private readonly answers = new EntityAnswers();
  private inFlight = 0;
  private flushScheduled = false;

  /** Counts a call of this request (one not made through `call`) while it is in flight. */
  track<T>(call: Promise<T>): Promise<T> {
    this.inFlight += 1;
    const settled = () => {
      this.inFlight -= 1;
      if (this.inFlight === 0 && this.open.size > 0) this.scheduleFlush();
    };
    call.then(settled, settled);
    return call;
  }

  call(call: EntityCall): Promise<GatewayGraphQLResponse> {
    let batch = this.open.get(call.key);
    if (!batch) {
      batch = new Batch(call, this.answers);
      this.open.set(call.key, batch);
    }
    this.scheduleFlush();
    return batch.add(call.representations);
  }

  /**
   * Sends the open batches after this turn (the other branches issue their fetches in it, and
   * the continuations of an answer run before it), unless a call is still in flight: the last
   * one to settle schedules it again.
   */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      if (this.inFlight > 0) return;
      const batches = [...this.open.values()];
      this.open.clear();
      for (const batch of batches) void this.track(batch.flush());
    });
  }
}

interface Member {
  /** For each of this fetch's representations, its index in the call. */
  indexes: number[];
  resolve(response: GatewayGraphQLResponse): void;
  reject(error: unknown): void;
}

class Batch {
  private readonly representations: ResultMap[] = [];
  private readonly indexOf = new RepresentationMap<number>();
  private readonly members: Member[] = [];

  constructor(
    private readonly first: EntityCall,
    private readonly answers: EntityAnswers,
  ) {}

  add(representations: ResultMap[]): Promise<GatewayGraphQLResponse> {
    const indexes = representations.map((representation) => {
      const index = this.indexOf.ensure(representation, this.representations.length);
      if (index === this.representations.length) this.representations.push(representation);
      return index;
    });
    return new Promise((resolve, reject) => this.members.push({ indexes, resolve, reject }));
  }

  async flush(): Promise<void> {
    const { recallable } = this.first;
    const recalled = recallable && this.answers.recall(recallable, this.representations);
    let response: GatewayGraphQLResponse;
    if (recalled) {
      response = { data: { _entities: recalled } };
    } else {
      try {
        response = await this.first.send(this.representations);
      } catch (error) {
        for (const member of this.members) member.reject(error);
        return;
      }
      if (recallable) this.answers.remember(recallable, this.representations, response);
    }
    this.members.forEach((member, position) => member.resolve(this.isPlain(member) ? response : memberResponse(response, member.indexes, position === 0, this.representations.length)));
  }

  /** One fetch whose representations were all distinct: the call was exactly its own. */
  private isPlain(member: Member): boolean {
    return this.members.length === 1 && member.indexes.length === this.representations.length;
  }
}

function memberResponse(response: GatewayGraphQLResponse, indexes: number[], first: boolean, sent: number): GatewayGraphQLResponse {
  const data = response.data as ResultMap | null | undefined;
  const entities = data?._entities;
  // A wrong count is left for the fetch to report, as it would of its own call.
  const memberData = data && Array.isArray(entities) && entities.length === sent ? { ...data, _entities: indexes.map((i) => entities[i]) } : data;
  const errors = response.errors?.flatMap((error) => {
    const path = error.path;
    if (path?.[0] === '_entities' && typeof path[1] === 'number') {
      return indexes.flatMap((sentIndex, own) => (sentIndex === path[1] ? [{ ...error, path: ['_entities', own, ...path.slice(2)] }] : []));
    }
    return first ? [error] : [];
  });
  const result: GatewayGraphQLResponse = { ...response, data: memberData };
  if (errors && errors.length > 0) result.errors = errors as GatewayGraphQLResponse['errors'];
  else delete result.errors;
  return result;
}
