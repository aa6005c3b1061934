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
 * What the access check remembers of recent operations (their access plans; the operations
 * found to select public fields only), bounded, and emptied when the field classifications
 * change (a new supergraph), since every entry was decided under them. Reusing a plan lets a
 * repeated operation skip the check's rewrite and execute the SAME rewritten document: the
 * executor's per-document caches (its operation form, its response shape) then hit, as they do
 * for public operations.
 */
export class ClassificationBoundCache<V> {
  private entries = new Map<string, V>();
  private levels?: Record<string, Level>;

  constructor(private readonly maxEntries = 1_000) {}

  get(key: string | undefined, levels: Record<string, Level>): V | undefined {
    if (levels !== this.levels) {
      this.entries = new Map();
      this.levels = levels;
    }
    return key === undefined ? undefined : this.entries.get(key);
  }

  set(key: string | undefined, value: V): void {
    if (key === undefined) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
  }
}
