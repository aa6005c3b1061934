import type { EntityManager } from '@mikro-orm/core';
import type { DatabaseConfig } from '../../kit/config';
import { Database, openDatabase } from '../../kit/orm';
import { chainVerifier, ChainProblem, GENESIS_HASH, recordHash } from './chain';
import { ACCESS_STORE, AccessRecord, AccessRecordSubject } from './entities';

export * from './chain';
export * from './entities';

/** What the gateway knows about one request that returned personal data. */
export interface AccessEntry {
  at: Date;
  agency: string | null;
  user: string;
  purpose: string;
  legalBases: string[];
  operationName: string | null;
  operationHash: string;
  fields: string[];
  subjects: { id: string; cccd?: string }[];
  outcome: 'SERVED' | 'PARTIAL';
}

/** Any number that is the same in every process: the PostgreSQL advisory lock of the chain's tail. */
const CHAIN_LOCK = 7_420_250_005;

/**
 * The append-only, hash-chained store of access records. Appends are serialised: in-process by a
 * queue, across processes by a PostgreSQL advisory lock held for the transaction. On SQLite only
 * one process may append (the local start's single gateway); several gateway replicas need
 * PostgreSQL.
 */
export class AccessRecordStore {
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(readonly database: Database, private readonly postgres: boolean) {}

  static async open(config: DatabaseConfig): Promise<AccessRecordStore> {
    return new AccessRecordStore(await openDatabase(config, ACCESS_STORE), config.kind === 'postgresql');
  }

  /** Appends one record; resolves once it is committed, rejects when it could not be written. */
  append(entry: AccessEntry): Promise<AccessRecord> {
    const run = this.tail.then(() => this.write(entry));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async write(entry: AccessEntry): Promise<AccessRecord> {
    return this.database.orm.em.fork().transactional(async (em: EntityManager) => {
      if (this.postgres) await em.getConnection().execute(`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
      const [last] = await em.find(AccessRecord, {}, { orderBy: { seq: 'desc' }, limit: 1 });
      const record = {
        seq: (last?.seq ?? 0) + 1,
        at: entry.at.toISOString(),
        agency: entry.agency,
        user: entry.user,
        purpose: entry.purpose,
        legalBasis: JSON.stringify([...new Set(entry.legalBases)].sort()),
        operationName: entry.operationName,
        operationHash: entry.operationHash,
        fields: JSON.stringify([...new Set(entry.fields)].sort()),
        subjects: JSON.stringify(entry.subjects.map((s) => s.id).sort()),
        outcome: entry.outcome,
        prevHash: last?.hash ?? GENESIS_HASH,
      };
      const full = { ...record, hash: recordHash(record) } as AccessRecord;
      await em.insert(AccessRecord, full);
      const subjects = entry.subjects.map((s) => ({ recordSeq: full.seq, citizenId: s.id, cccd: s.cccd ?? null }));
      for (let i = 0; i < subjects.length; i += 500) await em.insertMany(AccessRecordSubject, subjects.slice(i, i + 500));
      return full;
    });
  }

  /** Walks the whole chain in seq order, a page at a time, and reports the first problem. */
  async verify(): Promise<{ checked: number; problem: ChainProblem | null }> {
    const em = this.database.orm.em.fork();
    const verifier = chainVerifier();
    let after = 0;
    for (;;) {
      const page = await em.find(AccessRecord, { seq: { $gt: after } }, { orderBy: { seq: 'asc' }, limit: 5000 });
      for (const record of page) {
        const problem = verifier.check(record);
        if (problem) return { checked: verifier.checked, problem };
      }
      if (page.length < 5000) return { checked: verifier.checked, problem: null };
      after = page[page.length - 1].seq;
      em.clear();
    }
  }

  close(): Promise<void> {
    return this.database.close();
  }
}
