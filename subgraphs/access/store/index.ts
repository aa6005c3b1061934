import type { EntityClass, EntityKey, EntityManager } from '@mikro-orm/core';
import type { DatabaseConfig } from '../../kit/config';
import { Database, openDatabase } from '../../kit/orm';
import { qualifiedTable } from '../../kit/sql';
import { chainVerifier, ChainProblem, GENESIS_HASH, recordHash } from './chain';
import { ACCESS_STORE, AccessRecord, AccessRecordSubject } from './entities';
import { appendOnSqlite } from './sqlite-append';

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
  outcome: 'SERVED' | 'PARTIAL' | 'REQUESTED';
}

/** Any number that is the same in every process: the PostgreSQL advisory lock of the chain's tail. */
const CHAIN_LOCK = 7_420_250_005;

/** The properties each insert writes, in order; their columns come from the entity mapping. */
const RECORD_PROPERTIES: readonly (keyof AccessRecord)[] = ['seq', 'at', 'agency', 'user', 'purpose', 'legalBasis', 'operationName', 'operationHash', 'fields', 'subjects', 'outcome', 'prevHash', 'hash'];
const SUBJECT_PROPERTIES: readonly (keyof AccessRecordSubject)[] = ['recordSeq', 'citizenId', 'cccd'];

/** A table as the raw inserts write it: its qualified name and the columns of some properties. */
export interface InsertTarget<T> {
  table: string;
  properties: readonly (keyof T)[];
  columns: string[];
}

function insertTarget<T extends object>(em: EntityManager, entity: EntityClass<T>, properties: readonly (keyof T)[]): InsertTarget<T> {
  const meta = em.getMetadata().find(entity)!;
  return { table: qualifiedTable(em, entity), properties, columns: properties.map((p) => meta.properties[p as EntityKey<T>].fieldNames[0]) };
}

/** One multi-row insert with `?` placeholders, through the ORM's connection (PostgreSQL; SQLite appends in sqlite-append.ts). */
async function insertRows<T>(em: EntityManager, target: InsertTarget<T>, rows: T[]): Promise<void> {
  const tuple = `(${target.columns.map(() => '?').join(', ')})`;
  const values = rows.flatMap((row) => target.properties.map((p) => row[p]));
  await em.getConnection().execute(`insert into ${target.table} (${target.columns.join(', ')}) values ${rows.map(() => tuple).join(', ')}`, values as any[], 'run', em.getTransactionContext());
}

/** The chain's last record (none in an empty store). */
export type ChainTail = { seq: number | string; hash: string } | undefined;

/** The records of `entries`, chained after `tail` in order, and the subjects of each. */
function chainRecords(entries: AccessEntry[], tail: ChainTail): { records: AccessRecord[]; subjects: AccessRecordSubject[] } {
  let seq = Number(tail?.seq ?? 0);
  let prevHash = tail?.hash ?? GENESIS_HASH;
  const records = entries.map((entry) => {
    const record = {
      seq: (seq += 1),
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
      prevHash,
    };
    const full: AccessRecord = { ...record, hash: recordHash(record) };
    prevHash = full.hash;
    return full;
  });
  const subjects = entries.flatMap((entry, i) => entry.subjects.map((s): AccessRecordSubject => ({ recordSeq: records[i].seq, citizenId: s.id, cccd: s.cccd ?? null })));
  return { records, subjects };
}

/** Most records one transaction writes (a group commit). */
const MAX_BATCH = 200;

interface PendingAppend {
  entry: AccessEntry;
  resolve(record: AccessRecord): void;
  reject(error: unknown): void;
}

/**
 * The append-only, hash-chained store of access records. Appends are serialised: in-process by a
 * queue, across processes by a PostgreSQL advisory lock held for the transaction. On SQLite only
 * one process may append (the local start's single gateway); several gateway replicas need
 * PostgreSQL. Appends that arrive while a transaction is writing wait and are then committed
 * together, in arrival order, in one transaction (group commit): under load one transaction
 * serves many responses, and a single response still waits for its own record only.
 */
export class AccessRecordStore {
  private readonly waiting: PendingAppend[] = [];
  private writing = false;
  private committed = 0;

  private readonly records: InsertTarget<AccessRecord>;
  private readonly subjects: InsertTarget<AccessRecordSubject>;

  private constructor(readonly database: Database, private readonly postgres: boolean) {
    this.records = insertTarget(database.orm.em, AccessRecord, RECORD_PROPERTIES);
    this.subjects = insertTarget(database.orm.em, AccessRecordSubject, SUBJECT_PROPERTIES);
  }

  static async open(config: DatabaseConfig): Promise<AccessRecordStore> {
    return new AccessRecordStore(await openDatabase(config, ACCESS_STORE), config.kind === 'postgresql');
  }

  /** Transactions committed since open (each holds one or more records). */
  get transactions(): number {
    return this.committed;
  }

  /** Appends one record; resolves once it is committed, rejects when it could not be written. */
  append(entry: AccessEntry): Promise<AccessRecord> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ entry, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  /** Commits what waits, a batch per transaction, until nothing waits. */
  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length > 0) await this.commit(this.waiting.splice(0, MAX_BATCH));
    } finally {
      this.writing = false;
    }
  }

  /** Writes a batch and settles each append; never throws. */
  private async commit(batch: PendingAppend[]): Promise<void> {
    try {
      const records = await this.write(batch.map((pending) => pending.entry));
      this.committed += 1;
      batch.forEach((pending, i) => pending.resolve(records[i]));
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      // One entry that cannot be written must not cost the others their answers: each alone.
      for (const pending of batch) await this.commit([pending]);
    }
  }

  /**
   * One transaction: the chain's tail, then every record and every subject. On PostgreSQL in
   * plain statements under the chain's lock (the ORM's unit of work was most of an append's
   * time: 2.0 → 0.75 ms); on SQLite synchronously on the raw connection with statements prepared
   * once (sqlite-append.ts).
   */
  private async write(entries: AccessEntry[]): Promise<AccessRecord[]> {
    if (!this.postgres) return appendOnSqlite(this.database.orm.em, this.records, this.subjects, (tail) => chainRecords(entries, tail));
    return this.database.orm.em.fork().transactional(async (em: EntityManager) => {
      const connection = em.getConnection();
      const ctx = em.getTransactionContext();
      await connection.execute(`select pg_advisory_xact_lock(${CHAIN_LOCK})`, [], 'run', ctx);
      const [tail] = (await connection.execute(`select seq, hash from ${this.records.table} order by seq desc limit 1`, [], 'all', ctx)) as ChainTail[];
      const { records, subjects } = chainRecords(entries, tail);
      await insertRows(em, this.records, records);
      for (let i = 0; i < subjects.length; i += 500) await insertRows(em, this.subjects, subjects.slice(i, i + 500));
      return records;
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
