import type { EntityManager } from '@mikro-orm/core';
import type { Database, Statement } from 'better-sqlite3';
import type { AccessRecord, AccessRecordSubject } from './entities';
import type { ChainTail, InsertTarget } from './index';

interface KnexClient {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
}

interface AppendStatements {
  tail: Statement;
  record: Statement;
  subject: Statement;
}

// Prepared once per connection: an append then costs no SQL text, parsing or planning.
const prepared = new WeakMap<Database, AppendStatements>();

function statementsFor(db: Database, records: InsertTarget<AccessRecord>, subjects: InsertTarget<AccessRecordSubject>): AppendStatements {
  let statements = prepared.get(db);
  if (!statements) {
    const insert = <T>(target: InsertTarget<T>) => db.prepare(`insert into ${target.table} (${target.columns.join(', ')}) values (${target.columns.map(() => '?').join(', ')})`);
    statements = { tail: db.prepare(`select seq, hash from ${records.table} order by seq desc limit 1`), record: insert(records), subject: insert(subjects) };
    prepared.set(db, statements);
  }
  return statements;
}

/**
 * Appends access records on SQLite in one `BEGIN IMMEDIATE` transaction run synchronously on the
 * raw better-sqlite3 connection of the ORM's pool: read the chain's tail, build the records
 * after it (`build`), insert them and their subjects. Nothing awaits between taking the
 * connection and giving it back, so no other statement of the process can run inside the
 * transaction; a failure rolls all of it back and rejects. Measured against the same batch in
 * plain statements through the ORM's connection: see ACCESS.md.
 */
export async function appendOnSqlite(
  em: EntityManager,
  records: InsertTarget<AccessRecord>,
  subjects: InsertTarget<AccessRecordSubject>,
  build: (tail: ChainTail) => { records: AccessRecord[]; subjects: AccessRecordSubject[] },
): Promise<AccessRecord[]> {
  const client = (em.getConnection() as unknown as { getKnex(): { client: KnexClient } }).getKnex().client;
  const db = (await client.acquireConnection()) as Database;
  try {
    const statements = statementsFor(db, records, subjects);
    return db
      .transaction(() => {
        const built = build(statements.tail.get() as ChainTail);
        for (const record of built.records) statements.record.run(records.properties.map((p) => record[p]));
        for (const subject of built.subjects) statements.subject.run(subjects.properties.map((p) => subject[p]));
        return built.records;
      })
      .immediate();
  } finally {
    await client.releaseConnection(db);
  }
}
