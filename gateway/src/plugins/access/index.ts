import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { FragmentDefinitionNode, getOperationAST, GraphQLError, Kind, parse, print } from 'graphql';
import { classificationsOf } from '../../../../subgraphs/kit/classification-check';
import type { Logger } from '../../../../subgraphs/kit/logger';
import { Grant, grantInForce, vietnamDay } from '../../../../schema/grants/grant';
import { ANONYMOUS, Caller } from '../auth/caller';
import { mutationCoordinates, unitsActedFor } from './acting';
import { decide, Decision, Level } from './decide';
import { GrantSource } from './grant-source';
import { operationKey } from '../operation-key';
import { accessPlanKey, ClassificationBoundCache, PlannedOperation } from './plan-cache';
import { AccessPlan, planAccess } from './rewrite';
import { stripHelperKeys, Subject, walkResponse } from './walk';

export { DenialReason } from './decide';
export * from './grant-source';

/** What the access plugin needs from the request context (set by the gateway's context function). */
export interface AccessContext {
  caller?: Caller;
  /** Set by an export (gateway/src/export): its pages report here instead of writing a record each. */
  exportAccess?: DeferredAccess;
  /** Set by the access check when the operation selects public fields only: its subgraph calls cannot depend on the caller. */
  publicOnly?: boolean;
  /** For a mutation: the units the caller's agency acts for (grants' actsFor), signed into the subgraph calls. */
  actsFor?: string[];
}

/**
 * An operation run page by page that keeps ONE access record for all its pages: each page's
 * report goes to `recorder` (which rejects to withhold that page's personal data, as a failed
 * write does), and `personalAllowed` tells whether a grant lets the operation return any
 * personal field at all.
 */
export interface DeferredAccess {
  recorder: AccessRecorder;
  personalAllowed?: boolean;
}

/** One request that returned personal data, as the access plugin reports it to the record store. */
export interface AccessReport {
  at: Date;
  agency: string | null;
  user: string;
  purpose: string;
  legalBases: string[];
  operationName: string | null;
  operationHash: string;
  fields: string[];
  subjects: Subject[];
  /** REQUESTED: a mutation, recorded before it runs (no change without a record). */
  outcome: 'SERVED' | 'PARTIAL' | 'REQUESTED';
}

/** Writes one access record durably; rejects when it cannot (then the personal data is withheld). */
export interface AccessRecorder {
  record(report: AccessReport): Promise<void>;
}

export interface AccessPluginOptions {
  /** The supergraph served, or a function giving the one served now (a registry-driven gateway swaps them): field classifications are read from its `@classified` directives. */
  supergraphSdl: string | (() => string);
  grants: GrantSource;
  recorder: AccessRecorder;
  /** Reject the whole operation when any field is denied (ACCESS_STRICT); default false. A request can ask for it with `x-access-strict: true`. */
  strict?: boolean;
  log: Logger;
}

/** Stable codes of the access plugin's own errors (besides FORBIDDEN at field paths). */
export enum AccessErrorCode {
  FORBIDDEN = 'FORBIDDEN',
  ACCESS_RECORD_UNAVAILABLE = 'ACCESS_RECORD_UNAVAILABLE',
}

const PURPOSE_HEADER = 'x-purpose';
const STRICT_HEADER = 'x-access-strict';

interface RequestState {
  planned: PlannedOperation;
  plan: AccessPlan;
  caller: Caller;
  purpose?: string;
  operationHash: string;
  levels: Record<string, Level>;
}

/**
 * Steps 3 and 6 of a request (check, record): before planning, every field the operation selects
 * or filters on is checked against the caller's grants and declared purpose; denied fields are
 * removed and come back null with FORBIDDEN at their paths. After execution, the personal fields
 * returned and the persons they are about are written to the access record before the response
 * leaves; if that write fails, the personal data is withheld (fail closed).
 */
export function AccessPlugin(options: AccessPluginOptions): ApolloServerPlugin<AccessContext> {
  let parsed: { sdl: string; levels: Record<string, Level> } | undefined;
  const currentLevels = (): Record<string, Level> => {
    const sdl = typeof options.supergraphSdl === 'function' ? options.supergraphSdl() : options.supergraphSdl;
    if (parsed?.sdl !== sdl) parsed = { sdl, levels: classificationsOf(parse(sdl)).levels as Record<string, Level> };
    return parsed.levels;
  };

  const plans = new ClassificationBoundCache<PlannedOperation>();

  async function check(rc: GraphQLRequestContext<AccessContext>): Promise<RequestState> {
    const caller = rc.contextValue.caller ?? ANONYMOUS;
    const levels = currentLevels();
    const purpose = rc.request.http?.headers.get(PURPOSE_HEADER)?.trim() || undefined;
    let grants: Grant[] | Error = [];
    if (caller.kind === 'user' && caller.agency) {
      grants = await options.grants.grantsFor(caller.agency).catch((error: Error) => {
        options.log.error({ err: error }, 'grants unavailable: personal data is denied');
        return error;
      });
    }
    const input = { caller, purpose, grants, day: vietnamDay() };
    const operationHash = rc.queryHash ?? createHash('sha256').update(rc.source ?? '').digest('hex');
    const key = accessPlanKey(rc.queryHash, rc.request.operationName, rc.request.variables, input);
    let planned = plans.get(key, levels);
    if (!planned) {
      const decideField = (coordinate: string, level: Level | undefined): Decision => decide(coordinate, level, input);
      const variables = rc.request.variables ?? {};
      let plan = planAccess(rc.schema, rc.document!, variables, levels, decideField);
      // Only when personal data may be returned, also fetch the persons' CCCDs for the access record.
      if ([...plan.decisions.values()].some((d) => d.allowed)) plan = planAccess(rc.schema, rc.document!, variables, levels, decideField, true);
      planned = {
        plan,
        queryHash: createHash('sha256').update(print(plan.document)).digest('hex'),
        operation: getOperationAST(plan.document, rc.request.operationName) ?? undefined,
      };
      plans.set(key, planned);
    }
    return { planned, plan: planned.plan, caller, purpose, levels, operationHash };
  }

  // Operations (document and variables) already found to select public fields only: whoever
  // calls, they select the same fields, so the check is skipped for them.
  const publicOnly = new ClassificationBoundCache<true>();
  const publicOnlyKey = (rc: GraphQLRequestContext<AccessContext>) => operationKey(rc.queryHash, rc.request.operationName, rc.request.variables);

  /** The grants of a user's agency, or none (a citizen, an anonymous caller, grants unavailable). */
  async function grantsOf(caller: Caller): Promise<Grant[]> {
    if (caller.kind !== 'user' || !caller.agency) return [];
    return options.grants.grantsFor(caller.agency).catch((error: Error) => {
      options.log.error({ err: error }, 'grants unavailable: the caller acts for no unit');
      return [];
    });
  }

  /**
   * A mutation by a user is recorded before it runs, with the fields it calls: if the record
   * cannot be written, nothing is changed (fail closed, as for personal reads). The subgraph's
   * own history names the agency; this record names the user, the purpose and the operation.
   */
  async function beforeMutation(rc: GraphQLRequestContext<AccessContext>): Promise<void> {
    const caller = rc.contextValue.caller ?? ANONYMOUS;
    const grants = await grantsOf(caller);
    rc.contextValue.actsFor = unitsActedFor(grants, vietnamDay());
    if (caller.kind !== 'user' || !rc.operation) return;
    const fragments = Object.fromEntries(
      (rc.document?.definitions ?? []).filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
    );
    const purpose = rc.request.http?.headers.get(PURPOSE_HEADER)?.trim() || '';
    try {
      await options.recorder.record({
        at: new Date(),
        agency: caller.agency ?? null,
        user: caller.subject,
        purpose,
        legalBases: [...new Set(grants.filter((g) => g.actsFor?.length && grantInForce(g, vietnamDay())).map((g) => g.legalBasis))],
        operationName: rc.operationName ?? null,
        operationHash: rc.queryHash ?? createHash('sha256').update(rc.source ?? '').digest('hex'),
        fields: mutationCoordinates(rc.operation, fragments),
        subjects: [],
        outcome: 'REQUESTED',
      });
    } catch (error) {
      const reason = String((error as Error)?.message ?? error).split(' - ').pop()!.slice(0, 200);
      options.log.error({ error: (error as Error)?.name, reason }, 'access record could not be written: mutation not run');
      throw new GraphQLError('The mutation was not run because its access record could not be written; retry later', {
        extensions: { code: AccessErrorCode.ACCESS_RECORD_UNAVAILABLE, http: { status: 503 } },
      });
    }
  }

  return {
    async requestDidStart() {
      let state: RequestState | undefined;
      return {
        async didResolveOperation(rc) {
          if (rc.operation?.operation === 'mutation') await beforeMutation(rc);
          const key = publicOnlyKey(rc);
          if (publicOnly.get(key, currentLevels())) {
            rc.contextValue.publicOnly = true;
            if (rc.contextValue.exportAccess) rc.contextValue.exportAccess.personalAllowed = false;
            return;
          }
          state = await check(rc);
          const { plan } = state;
          if (rc.contextValue.exportAccess) rc.contextValue.exportAccess.personalAllowed = [...plan.decisions.values()].some((d) => d.allowed);
          // Only public fields selected: nothing to deny, rewrite, record or look for in the response.
          if (plan.decisions.size === 0) {
            publicOnly.set(key, true);
            rc.contextValue.publicOnly = true;
            state = undefined;
            return;
          }
          const strict = options.strict || rc.request.http?.headers.get(STRICT_HEADER) === 'true';
          if (strict && plan.denials.size > 0) {
            const denied = [...new Map([...plan.denials.values()].map((d) => [d.coordinate, d])).values()];
            throw new GraphQLError(`The operation was rejected in strict mode: ${denied.map((d) => d.decision.message).join('; ')}`, {
              extensions: { code: AccessErrorCode.FORBIDDEN, reason: denied[0].decision.reason, denied: denied.map((d) => ({ field: d.coordinate, reason: d.decision.reason })), http: { status: 403 } },
            });
          }
          // Execute the rewritten document; its own hash keys the query-plan cache.
          const mutable = rc as { document?: unknown; operation?: unknown; queryHash?: string };
          mutable.document = plan.document;
          mutable.operation = state.planned.operation;
          mutable.queryHash = state.planned.queryHash;
        },

        async willSendResponse(rc) {
          if (!state || rc.response.body.kind !== 'single') return;
          const result = rc.response.body.singleResult;
          if (!result.data) return;
          const { walk, dataIsNull } = walkResponse(rc.schema, state.plan.document, rc.request.operationName, result.data as Record<string, unknown>, state.levels, state.plan.denials);
          const errors = [...(result.errors ?? []), ...walk.errors];
          if (walk.personalFields.size > 0 && state.caller.kind === 'user') {
            const legalBases = [...state.plan.decisions.values()].flatMap((d) => (d.allowed && d.grant ? [d.grant.legalBasis] : []));
            try {
              await (rc.contextValue.exportAccess?.recorder ?? options.recorder).record({
                at: new Date(),
                agency: state.caller.agency ?? null,
                user: state.caller.subject,
                purpose: state.purpose ?? '',
                legalBases,
                operationName: rc.operationName ?? null,
                operationHash: state.operationHash,
                fields: [...walk.personalFields],
                subjects: [...walk.subjects.values()],
                outcome: state.plan.denials.size > 0 ? 'PARTIAL' : 'SERVED',
              });
            } catch (error) {
              // Fail closed: no record, no personal data.
              // The driver's message can quote the row (subjects' CCCDs): log only its reason, never values.
              const reason = String((error as Error)?.message ?? error).split(' - ').pop()!.slice(0, 200);
              options.log.error({ error: (error as Error)?.name, reason }, 'access record could not be written: personal data withheld');
              for (const { parent, key } of walk.locations) parent[key] = null;
              errors.push({
                message: 'The personal data of this response was withheld because its access record could not be written; retry later',
                extensions: { code: AccessErrorCode.ACCESS_RECORD_UNAVAILABLE },
              } as any);
            }
          }
          stripHelperKeys(result.data);
          result.errors = errors.length > 0 ? errors : undefined;
          if (dataIsNull) result.data = null;
        },
      };
    },
  };
}
