import {
  AdministrativeLevel,
  allUnits,
  childrenOf,
  citizenId,
  DISTRICT_POPULATION_SHARES,
  districtIdOf,
  FULL_SCALE,
  PROVINCE_ID,
  Random,
  scaled,
  taxCode,
  UnitRecord,
} from '../../kit';
import { agencyCodeFor, dossierCode } from '../agency-codes';
import { ApplicantType, DossierStatus, OnlineServiceLevel, PaymentMethod, SubmissionChannel } from '../enums';
import { VOLUME_WEIGHT } from './catalogue';
import { DAY_MS, dayOf, dayStartMs, dayWeights, dueAfterWorkingDays, HOUR_MS, PERIOD_DATES, PERIOD_DAYS, PERIOD_END_MS, weekdayOf } from './calendar';
import { apportion, exactWeightedFlags } from './exact';
import type { SeededProcedure } from './procedures';
import { PUBLISHED } from './published';

/** One dossier row, as inserted (property names of the Dossier entity). */
export interface DossierRow {
  code: string;
  procedureCode: string;
  applicantType: ApplicantType;
  applicantId: string;
  receivingUnitId: string;
  receivingDistrictId: string | null;
  channel: SubmissionChannel;
  status: DossierStatus;
  submittedAt: string;
  dueAt: string;
  completedAt: string | null;
  paymentMethod: PaymentMethod;
  electronicResult: boolean;
  digitized: boolean;
  syncedToNationalPortal: boolean;
}

/**
 * Submissions pinned next to midnight so that tests can check that dates bound
 * `submittedAt` in Vietnamese time: one at 00:30 on 2023-12-04 and one at 23:45 on
 * 2023-12-03 (the nearest online dossiers are moved there).
 */
export const MIDNIGHT_MARKERS = ['2023-12-04T00:30:00+07:00', '2023-12-03T23:45:00+07:00'] as const;

const STATUSES = Object.values(DossierStatus);
const CHANNELS = [SubmissionChannel.IN_PERSON, SubmissionChannel.ONLINE, SubmissionChannel.POSTAL] as const;
const ONLINE = 1;
const POSTAL = 2;

/** Share of on-time completions by field: land and construction dossiers run late more often. */
const ON_TIME_SHARE: Readonly<Record<string, number>> = { 'Đất đai': 0.9, 'Xây dựng': 0.92 };
const DEFAULT_ON_TIME_SHARE = 0.975;

/** Submissions per hour of the day for online dossiers (people file in the evening too). */
const ONLINE_HOUR_WEIGHTS = [0.3, 0.2, 0.1, 0.1, 0.2, 0.5, 1.5, 3, 5, 6, 6, 5, 3, 3, 5, 5, 5, 4, 3, 3, 3, 2.5, 1.5, 0.8].map((w, h) => [h, w] as const);

/** Columns of the generated data set: typed arrays keep 1.9 million dossiers (scale 1) small in memory. */
interface Columns {
  n: number;
  procedure: Uint16Array;
  submittedMs: Float64Array;
  channel: Uint8Array;
  status: Uint8Array;
  dueMs: Float64Array;
  completedMs: Float64Array;
  electronic: Uint8Array;
  digitized: Uint8Array;
  synced: Uint8Array;
  paidOnline: Uint8Array;
  unit: Uint16Array;
}

export interface GeneratedDossiers {
  count: number;
  /** Rows `from`..`to` (exclusive) in order of submission, built on demand to keep memory flat. */
  rows(from: number, to: number): DossierRow[];
}

/** Draws the dossier set of a scale; every step has its own random stream so steps can change independently. */
export function generateDossiers(procedures: readonly SeededProcedure[], scale: number, agencySuffix: string): GeneratedDossiers {
  const n = scaled(FULL_SCALE.dossiers, scale);
  const c: Columns = {
    n,
    procedure: assignProcedures(procedures, n),
    submittedMs: new Float64Array(n),
    channel: new Uint8Array(n),
    status: new Uint8Array(n),
    dueMs: new Float64Array(n),
    completedMs: new Float64Array(n).fill(NaN),
    electronic: new Uint8Array(n),
    digitized: new Uint8Array(n),
    synced: new Uint8Array(n),
    paidOnline: new Uint8Array(n),
    unit: new Uint16Array(n),
  };
  const days = drawDays(n);
  assignChannels(c, procedures, days);
  assignTimes(c, days);
  pinMidnightMarkers(c);
  assignOutcomes(c, procedures);
  assignFlags(c, procedures, days);
  assignUnits(c, procedures);
  const applicants = assignApplicants(c, procedures, scale);

  // Codes: per receiving agency and Vietnamese day, a sequence in order of submission.
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) order[i] = i;
  order.sort((a, b) => c.submittedMs[a] - c.submittedMs[b] || a - b);
  const units = allUnits();
  const agencies = new Map<string, string>();
  const sequences = new Map<string, number>();
  const codes: string[] = new Array(n);
  for (const i of order) {
    const proc = procedures[c.procedure[i]];
    const agencyKey = `${c.unit[i]}|${proc.spec.field}`;
    let agency = agencies.get(agencyKey);
    if (!agency) {
      agency = agencyCodeFor(units[c.unit[i]].id, proc.spec.field, agencySuffix);
      agencies.set(agencyKey, agency);
    }
    const date = PERIOD_DATES[dayOf(c.submittedMs[i])];
    const sequenceKey = `${agency}|${date}`;
    const sequence = (sequences.get(sequenceKey) ?? 0) + 1;
    if (sequence > 9999) throw new Error(`More than 9999 dossiers on ${date} at ${agency}: the 4-digit daily sequence overflows`);
    sequences.set(sequenceKey, sequence);
    codes[i] = dossierCode(agency, date, sequence);
  }

  const rowOf = (i: number): DossierRow => {
    const proc = procedures[c.procedure[i]];
    const unit = units[c.unit[i]];
    const completed = Number.isNaN(c.completedMs[i]) ? null : new Date(c.completedMs[i]).toISOString();
    return {
      code: codes[i],
      procedureCode: proc.code,
      applicantType: applicants.type[i] ? ApplicantType.BUSINESS : ApplicantType.CITIZEN,
      applicantId: applicants.type[i] ? taxCode(applicants.index[i]) : citizenId(applicants.index[i]),
      receivingUnitId: unit.id,
      receivingDistrictId: districtIdOf(unit.id) ?? null,
      channel: CHANNELS[c.channel[i]],
      status: STATUSES[c.status[i]],
      submittedAt: new Date(c.submittedMs[i]).toISOString(),
      dueAt: new Date(c.dueMs[i]).toISOString(),
      completedAt: completed,
      paymentMethod: proc.spec.feeVnd === 0 ? PaymentMethod.NONE : c.paidOnline[i] ? PaymentMethod.ONLINE : PaymentMethod.IN_PERSON,
      electronicResult: c.electronic[i] === 1,
      digitized: c.digitized[i] === 1,
      syncedToNationalPortal: c.synced[i] === 1,
    };
  };
  return { count: n, rows: (from, to) => Array.from(order.subarray(from, to), rowOf) };
}

/** Exact numbers of dossiers per procedure: Đề án 06 groups get their published shares, the rest by volume. */
function assignProcedures(procedures: readonly SeededProcedure[], n: number): Uint16Array {
  const police = Math.round((n * PUBLISHED.policeEssential.dossiers) / FULL_SCALE.dossiers);
  const departments = Math.round((n * PUBLISHED.departmentEssential.dossiers) / FULL_SCALE.dossiers);
  const groups: [members: number[], total: number][] = [
    [indicesWhere(procedures, (p) => p.spec.essential === 'police'), police],
    [indicesWhere(procedures, (p) => p.spec.essential === 'department'), departments],
    [indicesWhere(procedures, (p) => !p.spec.essential), n - police - departments],
  ];
  const assigned = new Uint16Array(n);
  let next = 0;
  for (const [members, total] of groups) {
    const counts = apportion(total, members.map((i) => VOLUME_WEIGHT[procedures[i].spec.volume]));
    members.forEach((procedure, k) => {
      assigned.fill(procedure, next, next + counts[k]);
      next += counts[k];
    });
  }
  const random = new Random('dossiers:procedure-mix');
  for (let i = n - 1; i > 0; i -= 1) {
    const j = random.int(i + 1);
    [assigned[i], assigned[j]] = [assigned[j], assigned[i]];
  }
  return assigned;
}

function indicesWhere(procedures: readonly SeededProcedure[], test: (p: SeededProcedure) => boolean): number[] {
  return procedures.flatMap((p, i) => (test(p) ? [i] : []));
}

function drawDays(n: number): Uint16Array {
  const random = new Random('dossiers:days');
  const cumulative = dayWeights();
  for (let d = 1; d < cumulative.length; d += 1) cumulative[d] += cumulative[d - 1];
  const total = cumulative[cumulative.length - 1];
  const days = new Uint16Array(n);
  for (let i = 0; i < n; i += 1) {
    const r = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    days[i] = lo;
  }
  return days;
}

/**
 * ONLINE for exactly round(45.97%) of all dossiers, only where the procedure is offered
 * online: the Đề án 06 groups get their published online shares, the remainder goes to
 * other online-capable dossiers, leaning to full-process services, weekends and later years.
 */
function assignChannels(c: Columns, procedures: readonly SeededProcedure[], days: Uint16Array): void {
  const random = new Random('dossiers:channel');
  const target = Math.round(c.n * PUBLISHED.onlineRate);
  let assigned = 0;
  for (const [group, share] of [
    ['police', PUBLISHED.policeEssential],
    ['department', PUBLISHED.departmentEssential],
  ] as const) {
    const members: number[] = [];
    for (let i = 0; i < c.n; i += 1) if (procedures[c.procedure[i]].spec.essential === group) members.push(i);
    const online = Math.round((members.length * share.online) / share.dossiers);
    random.exactFlags(members.length, online).forEach((flag, k) => {
      if (flag) c.channel[members[k]] = ONLINE;
    });
    assigned += online;
  }
  const weights = new Float64Array(c.n);
  for (let i = 0; i < c.n; i += 1) {
    const proc = procedures[c.procedure[i]];
    if (proc.spec.essential || proc.onlineService === OnlineServiceLevel.NONE) continue;
    const weekday = weekdayOf(days[i]);
    weights[i] = (proc.onlineService === OnlineServiceLevel.FULL ? 2 : 1) * (weekday === 0 || weekday === 6 ? 4 : 1) * (1 + (0.8 * days[i]) / PERIOD_DAYS);
  }
  const online = exactWeightedFlags(random, weights, target - assigned);
  for (let i = 0; i < c.n; i += 1) {
    if (online[i]) c.channel[i] = ONLINE;
    else if (c.channel[i] !== ONLINE && random.chance(0.03)) c.channel[i] = POSTAL;
  }
}

/** Time of day: online at any hour (mostly daytime), counters during office hours on working days. */
function assignTimes(c: Columns, days: Uint16Array): void {
  const random = new Random('dossiers:time');
  for (let i = 0; i < c.n; i += 1) {
    let day = days[i];
    let offset: number;
    if (c.channel[i] === ONLINE) {
      offset = random.weighted(ONLINE_HOUR_WEIGHTS) * HOUR_MS + random.int(3600) * 1000;
    } else {
      // One-stop counters open Monday to Saturday morning; a Sunday draw moves to a neighbouring day.
      if (weekdayOf(day) === 0) day = day + 1 < PERIOD_DAYS ? day + 1 : day - 1;
      const morning = weekdayOf(day) === 6 || random.chance(0.6);
      offset = morning ? 7.5 * HOUR_MS + random.int(4 * 3600) * 1000 : 13.5 * HOUR_MS + random.int(3.5 * 3600) * 1000;
    }
    c.submittedMs[i] = dayStartMs(day) + offset;
  }
}

function pinMidnightMarkers(c: Columns): void {
  const taken = new Set<number>();
  for (const marker of MIDNIGHT_MARKERS) {
    const target = Date.parse(marker);
    let best = -1;
    for (let i = 0; i < c.n; i += 1) {
      if (c.channel[i] !== ONLINE || taken.has(i)) continue;
      if (best < 0 || Math.abs(c.submittedMs[i] - target) < Math.abs(c.submittedMs[best] - target)) best = i;
    }
    if (best < 0) return; // no online dossier at all (a vanishing scale)
    c.submittedMs[best] = target;
    taken.add(best);
  }
}

const ST = Object.fromEntries(STATUSES.map((s, i) => [s, i])) as Record<DossierStatus, number>;

/**
 * Deadline, status and completion as of the end of the reference date. Most dossiers are
 * completed (about 85%), mostly on time; some are rejected or withdrawn, some wait for
 * documents; dossiers not yet due are still open more often than not.
 */
function assignOutcomes(c: Columns, procedures: readonly SeededProcedure[]): void {
  const random = new Random('dossiers:outcome');
  for (let i = 0; i < c.n; i += 1) {
    const proc = procedures[c.procedure[i]];
    const submitted = c.submittedMs[i];
    const due = dueAfterWorkingDays(submitted, proc.spec.processingDays);
    c.dueMs[i] = due;
    const r = random.next();
    if (due > PERIOD_END_MS) {
      if (r < 0.02) c.status[i] = ST.WITHDRAWN;
      else if (r < 0.45) complete(c, i, officeTime(submitted + (0.1 + 0.9 * random.next()) * (PERIOD_END_MS - submitted), submitted, random));
      else c.status[i] = random.weighted([[ST.RECEIVED, 0.3], [ST.PROCESSING, 0.55], [ST.SUPPLEMENT_REQUESTED, 0.15]]);
      continue;
    }
    if (r < 0.05) c.status[i] = ST.REJECTED;
    else if (r < 0.09) c.status[i] = ST.WITHDRAWN;
    else if (r < 0.135) c.status[i] = ST.SUPPLEMENT_REQUESTED; // waiting for documents that never came
    else if (random.chance(ON_TIME_SHARE[proc.spec.field] ?? DEFAULT_ON_TIME_SHARE)) {
      complete(c, i, officeTime(submitted + (0.05 + 0.95 * random.next() ** 0.7) * (due - submitted), submitted, random));
    } else {
      complete(c, i, officeTime(due + HOUR_MS + random.next() ** 2 * 20 * DAY_MS, due, random));
    }
  }
}

/**
 * Moves a result time into office hours (7:30–17:00, Monday–Friday) on or after its day,
 * strictly after `notBefore` (the submission, or the deadline for a late result). An
 * on-time result stays on time: the deadline is 17:00 on a working day.
 */
function officeTime(at: number, notBefore: number, random: Random): number {
  const workingDayFrom = (day: number) => {
    while (weekdayOf(day) === 0 || weekdayOf(day) === 6) day += 1;
    return day;
  };
  let day = workingDayFrom(dayOf(at));
  let open = dayStartMs(day) + 7.5 * HOUR_MS;
  let close = dayStartMs(day) + 17 * HOUR_MS;
  let t = at >= open && at <= close ? at : open + random.next() * (close - open);
  if (t <= notBefore) {
    if (notBefore < close - 60_000) {
      t = notBefore + 60_000 + random.next() * (close - notBefore - 60_000);
    } else {
      day = workingDayFrom(dayOf(notBefore) + 1);
      open = dayStartMs(day) + 7.5 * HOUR_MS;
      close = dayStartMs(day) + 17 * HOUR_MS;
      t = open + random.next() * (close - open);
    }
  }
  return t;
}

/** Completed at `at` (whole seconds), or still being processed when that is after the reference date. */
function complete(c: Columns, i: number, at: number): void {
  const completed = Math.floor(at / 1000) * 1000;
  if (completed >= PERIOD_END_MS) {
    c.status[i] = ST.PROCESSING;
    return;
  }
  c.status[i] = ST.COMPLETED;
  c.completedMs[i] = completed;
}

/** The published shares, each over exactly its contract denominator (see PUBLISHED). */
function assignFlags(c: Columns, procedures: readonly SeededProcedure[], days: Uint16Array): void {
  const random = new Random('dossiers:flags');
  const { n } = c;
  const trend = (i: number) => days[i] / PERIOD_DAYS;
  const weights = (weight: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => weight(i));

  let completed = 0;
  for (let i = 0; i < n; i += 1) if (c.status[i] === ST.COMPLETED) completed += 1;
  c.electronic = exactWeightedFlags(random, weights((i) => (c.status[i] === ST.COMPLETED ? (c.channel[i] === ONLINE ? 3 : 1) * (1 + trend(i)) : 0)), Math.round(completed * PUBLISHED.electronicResultRate));

  c.digitized = exactWeightedFlags(random, weights((i) => (0.6 + 1.2 * trend(i)) * (c.channel[i] === ONLINE ? 1.3 : 1)), Math.round(n * PUBLISHED.digitizationRate));

  c.synced = exactWeightedFlags(random, weights((i) => (procedures[c.procedure[i]].spec.essential ? 3 : c.channel[i] === ONLINE ? 2 : 1)), Math.round(n * PUBLISHED.syncedRate));

  let paying = 0;
  for (let i = 0; i < n; i += 1) if (procedures[c.procedure[i]].spec.feeVnd > 0) paying += 1;
  c.paidOnline = exactWeightedFlags(
    random,
    weights((i) => (procedures[c.procedure[i]].spec.feeVnd > 0 ? (c.channel[i] === ONLINE ? 6 : c.channel[i] === POSTAL ? 1.5 : 1) * (0.5 + trend(i)) : 0)),
    Math.round(paying * PUBLISHED.onlinePaymentRate),
  );
}

/** Receiving unit at the procedure's level; districts weighted by population, wards busier than rural communes. */
function assignUnits(c: Columns, procedures: readonly SeededProcedure[]): void {
  const random = new Random('dossiers:units');
  const units = allUnits();
  const indexOf = new Map(units.map((u, i) => [u.id, i]));
  const districts = Object.entries(DISTRICT_POPULATION_SHARES).sort(([a], [b]) => a.localeCompare(b));
  const communeWeight = (u: UnitRecord) => (u.communeType === 'phuong' ? 1.4 : u.communeType === 'thi_tran' ? 1 : 0.8);
  const communesOf = new Map(districts.map(([id]) => [id, childrenOf(id).map((u) => [u.id, communeWeight(u)] as const)]));
  for (let i = 0; i < c.n; i += 1) {
    const level = procedures[c.procedure[i]].level;
    let unitId = PROVINCE_ID;
    if (level !== AdministrativeLevel.PROVINCE) {
      const district = random.weighted(districts);
      unitId = level === AdministrativeLevel.DISTRICT ? district : random.weighted(communesOf.get(district)!);
    }
    c.unit[i] = indexOf.get(unitId)!;
  }
}

/**
 * Applicants by the kit's shared identities: citizens citizenId(k), enterprises
 * taxCode(k). A fifth of citizen dossiers come from a small group of frequent applicants
 * (service agents, people with many plots), so some citizens have long dossier lists.
 */
function assignApplicants(c: Columns, procedures: readonly SeededProcedure[], scale: number): { type: Uint8Array; index: Uint32Array } {
  const random = new Random('dossiers:applicants');
  const citizens = scaled(FULL_SCALE.citizens, scale);
  const businesses = scaled(FULL_SCALE.businesses, scale);
  const frequentCitizens = Math.max(1, Math.round(citizens * 0.02));
  const frequentBusinesses = Math.max(1, Math.round(businesses * 0.1));
  const type = new Uint8Array(c.n);
  const index = new Uint32Array(c.n);
  for (let i = 0; i < c.n; i += 1) {
    const kind = procedures[c.procedure[i]].spec.applicant;
    const business = kind === 'business' || (kind === 'either' && random.chance(0.35));
    type[i] = business ? 1 : 0;
    index[i] = business
      ? random.int(random.chance(0.3) ? frequentBusinesses : businesses)
      : random.int(random.chance(0.2) ? frequentCitizens : citizens);
  }
  return { type, index };
}
