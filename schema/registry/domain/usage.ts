import type { EntityManager } from '@mikro-orm/core';
import { sha256 } from '../checks/composition';
import type { AffectedOperation, SchemaChange } from '../checks/types';
import { usageQueryFor } from '../checks/usage-match';
import { OperationField, OperationSignature, OperationUsage } from '../entities';
import { badRequest } from '../errors';

/** One operation in a gateway's usage report (see gateway/src/plugins/usage-reporting). */
export interface ReportedOperation {
  operationName: string | null;
  signature: string;
  coordinates: { coordinate: string; typeName: string }[];
  clients: { client: string; count: number }[];
}

const LIMITS = { operations: 2_000, signature: 20_000, coordinates: 2_000, coordinate: 300, typeName: 200, client: 100, clients: 50, name: 200 };

/** Validates a report body; anything malformed is a 400 naming the first problem. */
export function parseUsageReport(body: unknown): ReportedOperation[] {
  const operations = (body as { operations?: unknown })?.operations;
  if (!Array.isArray(operations) || operations.length > LIMITS.operations) throw badRequest(`operations must be an array of at most ${LIMITS.operations} entries`);
  return operations.map((raw, i) => {
    const op = raw as Record<string, unknown>;
    const where = `operations[${i}]`;
    if (typeof op.signature !== 'string' || op.signature.length === 0 || op.signature.length > LIMITS.signature) throw badRequest(`${where}.signature must be a string of 1–${LIMITS.signature} characters`);
    const name = op.operationName;
    if (name !== null && name !== undefined && (typeof name !== 'string' || name.length > LIMITS.name)) throw badRequest(`${where}.operationName must be a string or null`);
    if (!Array.isArray(op.coordinates) || op.coordinates.length > LIMITS.coordinates) throw badRequest(`${where}.coordinates must be an array of at most ${LIMITS.coordinates}`);
    const coordinates = op.coordinates.map((c: any) => {
      if (typeof c?.coordinate !== 'string' || typeof c?.typeName !== 'string' || !c.coordinate || c.coordinate.length > LIMITS.coordinate || !c.typeName || c.typeName.length > LIMITS.typeName) {
        throw badRequest(`${where}.coordinates holds an entry that is not {coordinate, typeName}`);
      }
      return { coordinate: c.coordinate as string, typeName: c.typeName as string };
    });
    if (!Array.isArray(op.clients) || op.clients.length === 0 || op.clients.length > LIMITS.clients) throw badRequest(`${where}.clients must be an array of 1–${LIMITS.clients} entries`);
    const clients = op.clients.map((c: any) => {
      if (typeof c?.client !== 'string' || c.client.length > LIMITS.client || !Number.isInteger(c?.count) || c.count < 1 || c.count > 1e9) {
        throw badRequest(`${where}.clients holds an entry that is not {client, count}`);
      }
      return { client: c.client as string, count: c.count as number };
    });
    return { operationName: (name as string | null | undefined) ?? null, signature: op.signature, coordinates, clients };
  });
}

const utcDay = (instant: Date) => instant.toISOString().slice(0, 10);

/** Splits an IN list: SQLite limits the number of bound parameters. */
function chunks<T>(items: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Adds a report to the day's counts. An operation's signature and coordinates are stored once;
 * each (operation, day, client) is one counter row.
 */
export async function recordUsage(em: EntityManager, operations: ReportedOperation[], at = new Date()): Promise<number> {
  if (operations.length === 0) return 0;
  const day = utcDay(at);
  const seenAt = at.toISOString();
  const byHash = new Map<string, ReportedOperation & { hash: string }>();
  for (const op of operations) {
    const hash = sha256(op.signature);
    const existing = byHash.get(hash);
    if (existing) existing.clients.push(...op.clients);
    else byHash.set(hash, { ...op, clients: [...op.clients], hash });
  }
  await em.transactional(async (tx) => {
    const hashes = [...byHash.keys()];
    const known = new Set<string>();
    for (const part of chunks(hashes)) for (const s of await tx.find(OperationSignature, { hash: { $in: part } })) known.add(s.hash);
    for (const op of byHash.values()) {
      if (known.has(op.hash)) continue;
      tx.create(OperationSignature, { hash: op.hash, operationName: op.operationName, signature: op.signature, firstSeenAt: seenAt });
      const unique = new Map(op.coordinates.map((c) => [c.coordinate, c.typeName]));
      for (const [coordinate, typeName] of unique) tx.create(OperationField, { signatureHash: op.hash, coordinate, typeName });
    }
    const counters = new Map<string, OperationUsage>();
    for (const part of chunks(hashes)) {
      for (const row of await tx.find(OperationUsage, { signatureHash: { $in: part }, day })) counters.set(`${row.signatureHash}\n${row.client}`, row);
    }
    for (const op of byHash.values()) {
      for (const { client, count } of op.clients) {
        const key = `${op.hash}\n${client}`;
        const row = counters.get(key);
        if (row) {
          row.count += count;
          row.lastSeenAt = seenAt;
        } else {
          counters.set(key, tx.create(OperationUsage, { signatureHash: op.hash, day, client, count, lastSeenAt: seenAt }));
        }
      }
    }
    await tx.flush();
  });
  return byHash.size;
}

/** Drops day counters older than the window (plus a day of slack). */
export async function pruneUsage(em: EntityManager, windowDays: number, at = new Date()): Promise<number> {
  const cutoff = utcDay(new Date(at.getTime() - (windowDays + 1) * 86_400_000));
  return em.nativeDelete(OperationUsage, { day: { $lt: cutoff } });
}

/**
 * The client operations seen in the last `windowDays` days that use a coordinate a breaking
 * change touches, most used first.
 */
export async function affectedOperations(em: EntityManager, changes: SchemaChange[], windowDays: number, at = new Date()): Promise<AffectedOperation[]> {
  const queries = changes.filter((c) => c.breaking).map((change) => ({ change, query: usageQueryFor(change) }));
  const coordinates = [...new Set(queries.flatMap((q) => q.query.coordinates))];
  const typeNames = [...new Set(queries.flatMap((q) => q.query.typeNames))];
  if (coordinates.length === 0 && typeNames.length === 0) return [];

  const fields: OperationField[] = [];
  for (const part of chunks(coordinates)) fields.push(...(await em.find(OperationField, { coordinate: { $in: part } })));
  for (const part of chunks(typeNames)) fields.push(...(await em.find(OperationField, { typeName: { $in: part } })));
  const matched = new Map<string, Set<string>>();
  for (const field of fields) {
    for (const { change, query } of queries) {
      if (query.coordinates.includes(field.coordinate) || query.typeNames.includes(field.typeName)) {
        if (!matched.has(field.signatureHash)) matched.set(field.signatureHash, new Set());
        matched.get(field.signatureHash)!.add(change.coordinate);
      }
    }
  }
  if (matched.size === 0) return [];

  const since = utcDay(new Date(at.getTime() - windowDays * 86_400_000));
  const usage = new Map<string, { count: number; clients: Set<string>; lastSeenAt: string }>();
  for (const part of chunks([...matched.keys()])) {
    for (const row of await em.find(OperationUsage, { signatureHash: { $in: part }, day: { $gte: since } })) {
      const entry = usage.get(row.signatureHash) ?? { count: 0, clients: new Set<string>(), lastSeenAt: '' };
      entry.count += row.count;
      entry.clients.add(row.client);
      if (row.lastSeenAt > entry.lastSeenAt) entry.lastSeenAt = row.lastSeenAt;
      usage.set(row.signatureHash, entry);
    }
  }
  const signatures = new Map<string, OperationSignature>();
  for (const part of chunks([...usage.keys()])) for (const s of await em.find(OperationSignature, { hash: { $in: part } })) signatures.set(s.hash, s);
  return [...usage.entries()]
    .map(([hash, entry]) => ({
      signatureHash: hash,
      operationName: signatures.get(hash)?.operationName ?? null,
      signature: signatures.get(hash)?.signature ?? '',
      count: entry.count,
      clients: [...entry.clients].sort(),
      lastSeenAt: entry.lastSeenAt,
      coordinates: [...matched.get(hash)!].sort(),
    }))
    .sort((a, b) => b.count - a.count || a.signatureHash.localeCompare(b.signatureHash));
}
