import {
  addDays,
  childrenOf,
  citizenId,
  districtIdOf,
  DISTRICT_POPULATION_SHARES,
  FULL_SCALE,
  Random,
  REFERENCE_DATE,
  scaled,
  taxCode,
} from '../../kit';
import type { Business } from '../entities/business';
import { BusinessStatus, LegalForm } from '../entities/enums';
import { searchText } from '../../kit/search-text';
import { companyName } from './names';
import { VSIC_CLASSES, VsicClass } from './vsic-2018';

/** A business row as inserted (the entity's plain fields). */
export type BusinessRow = Business;

/** Industrial districts (Thuận An, Dĩ An, Tân Uyên, Bến Cát) host more enterprises per resident. */
const DISTRICT_BUSINESS_FACTOR: Readonly<Record<string, number>> = { '725': 1.4, '724': 1.4, '723': 1.4, '721': 1.4, '718': 1.1 };
/** Wards (phường) are urban and hold more offices and workshops than rural communes (xã). */
const COMMUNE_TYPE_FACTOR = { phuong: 2, thi_tran: 1.5, xa: 1 } as const;

const FOREIGN_SHARE = 0.08;
/** Share of enterprises whose representative already represents another one. */
const SHARED_REPRESENTATIVE_SHARE = 0.08;

function communeChoices(): [string, number][] {
  return Object.entries(DISTRICT_POPULATION_SHARES).flatMap(([districtId, share]) => {
    const communes = childrenOf(districtId);
    const weights = communes.map((commune) => COMMUNE_TYPE_FACTOR[commune.communeType ?? 'xa']);
    const sum = weights.reduce((a, b) => a + b, 0);
    const districtWeight = share * (DISTRICT_BUSINESS_FACTOR[districtId] ?? 0.8);
    return communes.map((commune, i): [string, number] => [commune.id, (districtWeight * weights[i]) / sum]);
  });
}

/** A registered capital drawn log-uniformly in [min, max] million VND, rounded to two significant digits. */
function capitalVnd(random: Random, minMillions: number, maxMillions: number): string {
  const millions = Math.exp(Math.log(minMillions) + random.next() * (Math.log(maxMillions) - Math.log(minMillions)));
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(millions)) - 1);
  return `${Math.max(1, Math.round(millions / magnitude)) * magnitude}000000`;
}

function registeredCapital(random: Random, legalForm: LegalForm, foreignInvested: boolean): string {
  if (foreignInvested) return random.chance(0.04) ? capitalVnd(random, 1_000_000, 5_000_000) : capitalVnd(random, 20_000, 1_000_000);
  switch (legalForm) {
    case LegalForm.PRIVATE_ENTERPRISE:
      return capitalVnd(random, 100, 5_000);
    case LegalForm.PARTNERSHIP:
      return capitalVnd(random, 1_000, 10_000);
    case LegalForm.JOINT_STOCK:
      return random.chance(0.05) ? capitalVnd(random, 300_000, 3_000_000) : capitalVnd(random, 2_000, 300_000);
    case LegalForm.LIMITED_LIABILITY:
      return random.chance(0.1) ? capitalVnd(random, 30_000, 200_000) : capitalVnd(random, 500, 30_000);
  }
}

/** Registrations grew about 9% a year since 1990; dissolved enterprises were founded before 2023. */
function foundedOn(random: Random, status: BusinessStatus): string {
  const lastYear = status === BusinessStatus.DISSOLVED ? 2022 : 2024;
  const years: [number, number][] = [];
  for (let year = 1990; year <= lastYear; year += 1) years.push([year, 1.09 ** (year - 1990) * (year === 2024 ? 0.75 : 1)]);
  const year = random.weighted(years);
  const start = `${year}-01-01`;
  const days = year === 2024 ? 274 : year % 4 === 0 ? 366 : 365; // 2024-01-01 + 273 days = REFERENCE_DATE
  const date = addDays(start, random.int(days));
  return date > REFERENCE_DATE ? REFERENCE_DATE : date;
}

function pickIndustry(random: Random, digital: boolean, foreignInvested: boolean): VsicClass {
  // Foreign investors in the province are mostly manufacturers in the industrial parks.
  const choices = VSIC_CLASSES.map((vsic): [VsicClass, number] => [
    vsic,
    digital ? vsic.digitalWeight : vsic.weight * (foreignInvested && vsic.section === 'C' ? 4 : 1),
  ]).filter(([, weight]) => weight > 0);
  return random.weighted(choices);
}

/**
 * The province's enterprises at a scale, deterministically. Business i has tax code
 * `taxCode(i)`; the counts of ACTIVE, digital-technology and digital-platform enterprises are
 * exactly `scaled()` of the published figures (43,117; 8,075; 41,162 of 58,000 at scale 1).
 * Digital-technology enterprises are active and all use digital platforms.
 */
export function generateBusinesses(scale: number): BusinessRow[] {
  const total = scaled(FULL_SCALE.businesses, scale);
  const activeCount = Math.min(total, scaled(FULL_SCALE.activeBusinesses, scale));
  const digitalCount = Math.min(activeCount, scaled(FULL_SCALE.digitalTechnologyBusinesses, scale));
  const platformCount = Math.min(activeCount, Math.max(digitalCount, scaled(FULL_SCALE.digitalPlatformBusinesses, scale)));
  const citizens = scaled(FULL_SCALE.citizens, scale);

  const random = new Random('business/enterprises/v1');
  const active = random.exactFlags(total, activeCount);
  const digitalAmongActive = random.exactFlags(activeCount, digitalCount);
  const platformAmongOtherActive = random.exactFlags(activeCount - digitalCount, platformCount - digitalCount);
  const communes = communeChoices();
  const taken = new Set<string>();

  const rows: BusinessRow[] = [];
  let activeSeen = 0;
  let otherActiveSeen = 0;
  for (let i = 0; i < total; i += 1) {
    let status: BusinessStatus;
    let digitalTechnology = false;
    let usesDigitalPlatform = false;
    if (active[i]) {
      status = BusinessStatus.ACTIVE;
      digitalTechnology = digitalAmongActive[activeSeen++];
      usesDigitalPlatform = digitalTechnology || platformAmongOtherActive[otherActiveSeen++];
    } else {
      status = random.chance(0.4) ? BusinessStatus.SUSPENDED : BusinessStatus.DISSOLVED;
    }
    // E-invoices are mandatory since July 2022: every active enterprise issues them.
    const usesEInvoice = status === BusinessStatus.ACTIVE || random.chance(status === BusinessStatus.SUSPENDED ? 0.55 : 0.2);
    const foreignInvested = random.chance(FOREIGN_SHARE);
    const legalForm = foreignInvested
      ? random.weighted([[LegalForm.LIMITED_LIABILITY, 0.85], [LegalForm.JOINT_STOCK, 0.15]] as const)
      : random.weighted([[LegalForm.LIMITED_LIABILITY, 0.66], [LegalForm.JOINT_STOCK, 0.17], [LegalForm.PRIVATE_ENTERPRISE, 0.165], [LegalForm.PARTNERSHIP, 0.005]] as const);
    const industry = pickIndustry(random, digitalTechnology, foreignInvested);
    const name = companyName(random, legalForm, foreignInvested, industry.trade, industry.section, taken);
    const communeId = random.weighted(communes);
    const legalRepresentativeId =
      rows.length > 0 && random.chance(SHARED_REPRESENTATIVE_SHARE)
        ? rows[random.int(rows.length)].legalRepresentativeId
        : citizenId(random.int(citizens));
    rows.push({
      taxCode: taxCode(i),
      name,
      nameSearch: searchText(name),
      legalForm,
      foreignInvested,
      industryCode: industry.code,
      industrySection: industry.section,
      registeredCapitalVnd: registeredCapital(random, legalForm, foreignInvested),
      foundedOn: foundedOn(random, status),
      status,
      digitalTechnology,
      usesDigitalPlatform,
      usesEInvoice,
      communeId,
      districtId: districtIdOf(communeId)!,
      legalRepresentativeId,
    });
  }
  return rows;
}
