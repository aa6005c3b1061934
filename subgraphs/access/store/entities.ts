import type { Store } from '../../kit/migrations';
import { migrations } from './migrations';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One access record: a request that returned personal data. Append-only; `hash` chains it to
 * the record before (`prevHash`), so that an altered, removed or reordered record is detected
 * by `npm run audit:verify`. Lists are stored as JSON text so that SQLite and PostgreSQL agree.
 */
@Entity({ tableName: 'access_record' })
export class AccessRecord {
  /** Position in the chain, from 1, without gaps. */
  @PrimaryKey({ type: 'integer', autoincrement: false })
  seq!: number;

  /** UTC instant, ISO string ending in Z. */
  @Property({ type: 'string', length: 24 })
  @Index()
  at!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  agency!: string | null;

  /** The token subject: the user who made the request. */
  @Property({ type: 'string', length: 256, fieldName: 'user_id' })
  user!: string;

  @Property({ type: 'string', length: 64 })
  purpose!: string;

  /** JSON list of the legal bases of the grants used. */
  @Property({ type: 'text' })
  legalBasis!: string;

  @Property({ type: 'string', length: 256, nullable: true })
  operationName!: string | null;

  /** SHA-256 of the operation text as the client sent it. */
  @Property({ type: 'string', length: 64 })
  operationHash!: string;

  /** JSON list of the personal field coordinates returned, e.g. ["Citizen.fullName"]. */
  @Property({ type: 'text' })
  fields!: string;

  /** JSON list of the citizen ids whose data was returned. */
  @Property({ type: 'text' })
  subjects!: string;

  /** SERVED (everything asked was returned), PARTIAL (some fields were denied) or REQUESTED (a mutation, recorded before it ran). */
  @Property({ type: 'string', length: 16 })
  outcome!: string;

  @Property({ type: 'string', length: 64 })
  prevHash!: string;

  @Property({ type: 'string', length: 64 })
  hash!: string;
}

/** Index of the persons in each record, so a citizen finds the records about them. */
@Entity({ tableName: 'access_record_subject' })
@Index({ properties: ['cccd', 'recordSeq'] })
@Index({ properties: ['citizenId', 'recordSeq'] })
export class AccessRecordSubject {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  recordSeq!: number;

  @PrimaryKey({ type: 'string', length: 32 })
  citizenId!: string;

  /** The person's CCCD when the gateway had it: how a citizen's own token (sub = CCCD) finds them. */
  @Property({ type: 'string', length: 12, nullable: true })
  cccd!: string | null;
}

export const ACCESS_ENTITIES = [AccessRecord, AccessRecordSubject];

/** The access-record database: the gateway appends to it, the access subgraph reads it. */
export const ACCESS_STORE: Store = { name: 'access', entities: ACCESS_ENTITIES, migrations };
