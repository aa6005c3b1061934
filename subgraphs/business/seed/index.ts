import type { EntityManager } from '@mikro-orm/core';
import type { Logger } from '../../kit';
import { Business } from '../entities/business';
import { Industry } from '../entities/industry';
import { IndustrySection } from '../entities/industry-section';
import { generateBusinesses } from './businesses';
import { VSIC_CLASSES, VSIC_SECTIONS } from './vsic-2018';

/** Rows per INSERT: stays under SQLite's bound-variable limit (16 columns × 500). */
const CHUNK = 500;

async function insertInChunks<T extends object>(em: EntityManager, entity: new () => T, rows: T[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await em.insertMany(entity, rows.slice(i, i + CHUNK));
}

/** Fills the catalogue (VSIC 2018) and the enterprises of the province at `scale`. */
export async function seedBusinessData(em: EntityManager, scale: number, log: Logger): Promise<void> {
  let started = Date.now();
  await insertInChunks(em, IndustrySection, VSIC_SECTIONS.map(([letter, name]) => ({ letter, name })));
  await insertInChunks(em, Industry, VSIC_CLASSES.map(({ code, name, section }) => ({ code, name, section })));
  log.info({ sections: VSIC_SECTIONS.length, industries: VSIC_CLASSES.length, ms: Date.now() - started }, 'seeded industry catalogue (VSIC 2018)');

  started = Date.now();
  const businesses = generateBusinesses(scale);
  await insertInChunks(em, Business, businesses);
  log.info({ businesses: businesses.length, ms: Date.now() - started }, 'seeded businesses');
}
