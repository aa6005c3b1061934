import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { EntityClass, EntityManager } from '@mikro-orm/core';
import { from as copyFrom } from 'pg-copy-streams';
import { isPostgres } from '../sql';
import type { SeedProgress } from './progress';

/** Rows per PostgreSQL COPY write and per SQLite multi-row INSERT batch (bounded by SQLite's 32,766 variables). */
const COPY_ROWS_PER_WRITE = 5_000;
const SQLITE_VARIABLES = 30_000;
const SQLITE_MAX_ROWS_PER_STATEMENT = 500;
const YIELD_EVERY_ROWS = 20_000;

interface Target {
  table: string;
  properties: string[];
  columns: string[];
}

function targetOf(em: EntityManager, entity: EntityClass<any>): Target {
  const meta = em.getMetadata().get(entity.name);
  const properties = meta.props.filter((p) => p.persist !== false && p.fieldNames?.length === 1).map((p) => p.name);
  return { table: meta.tableName, properties, columns: properties.map((p) => meta.properties[p].fieldNames[0]) };
}

/** The driver's own connection of the open transaction (knex hands its transaction's connection out). */
async function transactionConnection(em: EntityManager): Promise<any> {
  const trx = em.getTransactionContext() as { client?: { acquireConnection(): Promise<unknown> } } | undefined;
  if (!trx?.client) throw new Error('bulkInsert runs inside the seed transaction (em.transactional)');
  return trx.client.acquireConnection();
}

function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

function sqliteValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

async function copyIntoPostgres(em: EntityManager, target: Target, rows: Iterable<Record<string, unknown>>, advance: (n: number) => void): Promise<number> {
  const connection = await transactionConnection(em);
  const schema = String(em.config.get('schema'));
  const stream = connection.query(copyFrom(`COPY "${schema}"."${target.table}" (${target.columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`));
  let count = 0;
  let lines: string[] = [];
  const flush = async () => {
    if (lines.length === 0) return;
    if (!stream.write(lines.join(''))) await once(stream, 'drain');
    advance(lines.length);
    lines = [];
  };
  for (const row of rows) {
    lines.push(target.properties.map((p) => copyText(row[p])).join('\t') + '\n');
    count += 1;
    if (lines.length >= COPY_ROWS_PER_WRITE) await flush();
  }
  await flush();
  stream.end();
  await finished(stream);
  return count;
}

async function insertIntoSqlite(em: EntityManager, target: Target, rows: Iterable<Record<string, unknown>>, advance: (n: number) => void): Promise<number> {
  const db = await transactionConnection(em);
  const perStatement = Math.max(1, Math.min(SQLITE_MAX_ROWS_PER_STATEMENT, Math.floor(SQLITE_VARIABLES / target.columns.length)));
  const tuple = `(${target.columns.map(() => '?').join(', ')})`;
  const sqlFor = (n: number) => `insert into "${target.table}" (${target.columns.map((c) => `"${c}"`).join(', ')}) values ${Array(n).fill(tuple).join(', ')}`;
  const full = db.prepare(sqlFor(perStatement));
  let count = 0;
  let values: unknown[] = [];
  let pending = 0;
  for (const row of rows) {
    for (const p of target.properties) values.push(sqliteValue(row[p]));
    pending += 1;
    count += 1;
    if (pending === perStatement) {
      full.run(values);
      advance(pending);
      values = [];
      pending = 0;
      // better-sqlite3 is synchronous: let the progress display (and signals) run now and then.
      if (count % YIELD_EVERY_ROWS < perStatement) await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (pending > 0) {
    db.prepare(sqlFor(pending)).run(values);
    advance(pending);
  }
  return count;
}

/**
 * Writes rows of an entity in bulk inside the seed's transaction: COPY on PostgreSQL,
 * prepared multi-row INSERTs on SQLite, bypassing the ORM's unit of work (no entity is
 * instantiated). `rows` may be a generator, so tables of millions of rows stream through.
 */
export async function bulkInsert<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  rows: Iterable<Partial<T>>,
  options: { total: number; progress: SeedProgress },
): Promise<number> {
  const target = targetOf(em, entity);
  const display = options.progress(target.table, options.total);
  const write = isPostgres(em) ? copyIntoPostgres : insertIntoSqlite;
  const count = await write(em, target, rows as Iterable<Record<string, unknown>>, (n) => display.advance(n));
  display.done();
  return count;
}
