import type { EntityManager } from '@mikro-orm/core';
import { bulkInsert, Logger, SeedProgress } from '../../kit';
import { Business } from '../entities/business';
import { Industry } from '../entities/industry';
import { IndustrySection } from '../entities/industry-section';
import { generateBusinesses } from './businesses';
import { VSIC_CLASSES, VSIC_SECTIONS } from './vsic-2018';

/** Fills the catalogue (VSIC 2018) and the enterprises of the province at `scale`. */
export async function seedBusinessData(em: EntityManager, scale: number, log: Logger, progress: SeedProgress): Promise<void> {
  let started = Date.now();
  await bulkInsert(em, IndustrySection, VSIC_SECTIONS.map(([letter, name]) => ({ letter, name })), { total: VSIC_SECTIONS.length, progress });
  await bulkInsert(em, Industry, VSIC_CLASSES.map(({ code, name, section }) => ({ code, name, section })), { total: VSIC_CLASSES.length, progress });
  log.info({ sections: VSIC_SECTIONS.length, industries: VSIC_CLASSES.length, ms: Date.now() - started }, 'seeded industry catalogue (VSIC 2018)');

  started = Date.now();
  const businesses = generateBusinesses(scale);
  await bulkInsert(em, Business, businesses, { total: businesses.length, progress });
  log.info({ businesses: businesses.length, ms: Date.now() - started }, 'seeded businesses');
}
