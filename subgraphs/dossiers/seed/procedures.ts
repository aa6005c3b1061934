import { AdministrativeLevel, Random } from '../../kit';
import { isKnownField, PROCEDURE_CODE_RE } from '../agency-codes';
import { OnlineServiceLevel } from '../enums';
import { PROCEDURE_SPECS, ProcedureSpec, VOLUME_WEIGHT } from './catalogue';
import { exactWeightedFlags } from './exact';
import { PUBLISHED } from './published';

/** A catalogue entry with its national code and online level: the row stored plus how the seed uses it. */
export interface SeededProcedure {
  spec: ProcedureSpec;
  code: string;
  level: AdministrativeLevel;
  onlineService: OnlineServiceLevel;
}

const LEVELS = { P: AdministrativeLevel.PROVINCE, D: AdministrativeLevel.DISTRICT, C: AdministrativeLevel.COMMUNE } as const;

/** Checks the catalogue's invariants once, so a bad edit fails at seed time with a clear message. */
function checkCatalogue(specs: readonly ProcedureSpec[]): void {
  const names = new Set<string>();
  for (const spec of specs) {
    const key = `${spec.level}|${spec.name}`;
    if (names.has(key)) throw new Error(`Procedure catalogue lists "${spec.name}" twice at level ${spec.level}`);
    names.add(key);
    if (!isKnownField(spec.field)) throw new Error(`Procedure "${spec.name}" has field "${spec.field}" without a receiving department`);
    if (spec.processingDays < 1) throw new Error(`Procedure "${spec.name}" needs at least one processing day`);
    if (spec.essential && (spec.online === undefined || spec.online === 'NONE')) throw new Error(`Essential service "${spec.name}" must be offered online`);
  }
  const police = specs.filter((s) => s.essential === 'police').length;
  const departments = specs.filter((s) => s.essential === 'department').length;
  if (police !== 11 || departments !== 14) throw new Error(`Đề án 06 lists 11 police and 14 department services, the catalogue has ${police} and ${departments}`);
}

/**
 * Gives every catalogue entry a unique national code ("1.004227") and an online level so
 * that exactly round(59.38% of the catalogue) procedures are offered online: entries with
 * a fixed level keep it, the others are drawn, busier procedures first (provinces put
 * their high-volume services online first).
 */
export function buildProcedures(): SeededProcedure[] {
  checkCatalogue(PROCEDURE_SPECS);
  const random = new Random('dossiers:procedures');
  const codes = new Set<string>();
  const codeFor = (): string => {
    for (;;) {
      const prefix = random.weighted([['1', 0.75], ['2', 0.2], ['3', 0.05]] as const);
      const code = `${prefix}.${String(random.between(100, 12_999)).padStart(6, '0')}`;
      if (!codes.has(code)) {
        codes.add(code);
        return code;
      }
    }
  };

  const target = Math.round(PROCEDURE_SPECS.length * PUBLISHED.onlineProcedureShare);
  const fixedOnline = PROCEDURE_SPECS.filter((s) => s.online === 'FULL' || s.online === 'PARTIAL').length;
  const free = PROCEDURE_SPECS.map((s) => (s.online === undefined ? Math.sqrt(VOLUME_WEIGHT[s.volume]) : 0));
  const drawn = exactWeightedFlags(random, free, target - fixedOnline);

  return PROCEDURE_SPECS.map((spec, i) => {
    let onlineService: OnlineServiceLevel;
    if (spec.online) onlineService = OnlineServiceLevel[spec.online];
    else if (drawn[i]) onlineService = random.chance(0.5) ? OnlineServiceLevel.FULL : OnlineServiceLevel.PARTIAL;
    else onlineService = OnlineServiceLevel.NONE;
    const code = codeFor();
    if (!PROCEDURE_CODE_RE.test(code)) throw new Error(`Bad procedure code ${code}`);
    return { spec, code, level: LEVELS[spec.level], onlineService };
  });
}
