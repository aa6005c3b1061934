import { createHash } from 'node:crypto';
import type { AccessRecord } from './entities';

/** prevHash of the first record. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields a record's hash covers, in a fixed order (everything but the hash itself). */
export function canonicalRecord(r: Omit<AccessRecord, 'hash'>): string {
  return JSON.stringify([r.seq, r.at, r.agency, r.user, r.purpose, r.legalBasis, r.operationName, r.operationHash, r.fields, r.subjects, r.outcome, r.prevHash]);
}

/** hash = SHA-256(prevHash + canonical record), hex. */
export function recordHash(r: Omit<AccessRecord, 'hash'>): string {
  return createHash('sha256').update(r.prevHash).update(canonicalRecord(r)).digest('hex');
}

export type ChainProblem = { seq: number; kind: 'altered' | 'removed-or-reordered' | 'broken-link'; message: string };

/**
 * Checks records one by one in seq order: each hash must match its content, each prevHash the
 * hash of the record before, and seq must run 1, 2, 3, … without gaps. `check` returns the first
 * problem it meets (then stop), else null.
 */
export function chainVerifier(): { check(r: AccessRecord): ChainProblem | null; readonly checked: number } {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  return {
    get checked() {
      return checked;
    },
    check(r) {
      if (r.seq !== expectedSeq) {
        const gap = r.seq > expectedSeq ? `record(s) ${expectedSeq}${r.seq - 1 > expectedSeq ? `–${r.seq - 1}` : ''} were removed` : 'records were renumbered';
        return { seq: r.seq, kind: 'removed-or-reordered', message: `record ${r.seq} comes where record ${expectedSeq} should: ${gap}` };
      }
      if (recordHash(r) !== r.hash) return { seq: r.seq, kind: 'altered', message: `record ${r.seq} was altered: its content does not match its hash` };
      if (r.prevHash !== prev) {
        return { seq: r.seq, kind: 'broken-link', message: `record ${r.seq} does not follow the record before it (prevHash mismatch): records were removed, inserted or reordered before it` };
      }
      prev = r.hash;
      expectedSeq += 1;
      checked += 1;
      return null;
    },
  };
}

export function verifyChain(records: Iterable<AccessRecord>): { checked: number; problem: ChainProblem | null } {
  const verifier = chainVerifier();
  for (const r of records) {
    const problem = verifier.check(r);
    if (problem) return { checked: verifier.checked, problem };
  }
  return { checked: verifier.checked, problem: null };
}
