import type { OperationDefinitionNode } from 'graphql';
import type { DecisionInput, Level } from './decide';
import type { AccessPlan } from './rewrite';

/** An operation's access plan with what executing its rewritten document needs. */
export interface PlannedOperation {
  plan: AccessPlan;
  /** The rewritten document's own hash (it keys the query-plan cache). */
  queryHash: string;
  operation?: OperationDefinitionNode;
}

/**
 * Everything an access plan depends on, or undefined when there is nothing to trust. A plan is
 * a function of the document, the operation, the decision inputs (`decide` reads the caller's
 * kind and agency, the purpose, the agency's grants and the day) and the input objects passed
 * as variables: only those can name a classified input field (a personal filter), so scalar
 * variables (a citizen's id) are left out and every profile of one operation shares one plan.
 */
export function accessPlanKey(queryHash: string | undefined, operationName: string | null | undefined, variables: Record<string, unknown> | undefined, input: DecisionInput): string | undefined {
  if (!queryHash) return undefined;
  const objectVariables = Object.entries(variables ?? {}).filter(([, value]) => value !== null && typeof value === 'object');
  const agency = input.caller.kind === 'user' ? input.caller.agency ?? null : null;
  const grants = input.grants instanceof Error ? 'unavailable' : input.grants;
  try {
    return JSON.stringify([queryHash, operationName ?? null, objectVariables, input.caller.kind, agency, input.purpose ?? null, grants, input.day]);
  } catch {
    return undefined; // variables too deep to print: the limits refuse those themselves
  }
}

/**
 * Access plans of recent operations, so that a repeated operation skips the check's rewrite and
 * executes the SAME rewritten document: the executor's per-document caches (its operation
 * form, its response shape) then hit, as they do for public operations. Bounded; emptied when
 * the field classifications change (a new supergraph).
 */
export class AccessPlanCache {
  private plans = new Map<string, PlannedOperation>();
  private levels?: Record<string, Level>;

  constructor(private readonly maxEntries = 1_000) {}

  get(key: string | undefined, levels: Record<string, Level>): PlannedOperation | undefined {
    if (levels !== this.levels) {
      this.plans = new Map();
      this.levels = levels;
    }
    return key === undefined ? undefined : this.plans.get(key);
  }

  set(key: string | undefined, planned: PlannedOperation): void {
    if (key === undefined) return;
    if (this.plans.size >= this.maxEntries) this.plans.delete(this.plans.keys().next().value!);
    this.plans.set(key, planned);
  }
}
