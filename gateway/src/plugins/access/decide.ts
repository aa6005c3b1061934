import type { Grant } from '../../../../schema/grants/grant';
import { grantInForce } from '../../../../schema/grants/grant';
import type { Caller } from '../auth/caller';

export type Level = 'PUBLIC' | 'BASIC' | 'SENSITIVE';

/** Why a field was denied: `extensions.reason` of its FORBIDDEN error. Stable values. */
export enum DenialReason {
  AUTHENTICATION_REQUIRED = 'AUTHENTICATION_REQUIRED',
  NO_AGENCY = 'NO_AGENCY',
  PURPOSE_REQUIRED = 'PURPOSE_REQUIRED',
  NOT_GRANTED = 'NOT_GRANTED',
  SENSITIVE_NOT_NAMED = 'SENSITIVE_NOT_NAMED',
  PURPOSE_NOT_GRANTED = 'PURPOSE_NOT_GRANTED',
  UNCLASSIFIED = 'UNCLASSIFIED',
  GRANTS_UNAVAILABLE = 'GRANTS_UNAVAILABLE',
}

export type Decision = { allowed: true; grant?: Grant } | { allowed: false; reason: DenialReason; message: string };

export interface DecisionInput {
  caller: Caller;
  purpose?: string;
  /** The caller agency's grants, or an Error when they could not be loaded. */
  grants: Grant[] | Error;
  /** Today's date in Vietnam, "YYYY-MM-DD". */
  day: string;
}

/** May the caller read a field of this classification, for the declared purpose? */
export function decide(coordinate: string, level: Level | undefined, input: DecisionInput): Decision {
  if (level === 'PUBLIC') return { allowed: true };
  const deny = (reason: DenialReason, message: string): Decision => ({ allowed: false, reason, message: `${coordinate}: ${message}` });
  if (level === undefined) return deny(DenialReason.UNCLASSIFIED, 'this field has no data classification, so it is denied; the subgraph owner must classify it');
  const { caller, purpose, grants, day } = input;
  if (caller.kind === 'anonymous') return deny(DenialReason.AUTHENTICATION_REQUIRED, `${level.toLowerCase()} personal data needs a bearer token of an agency with a grant`);
  if (!caller.agency) return deny(DenialReason.NO_AGENCY, 'your token names no agency; personal data is read under an agency\'s grant');
  if (grants instanceof Error) return deny(DenialReason.GRANTS_UNAVAILABLE, 'the grant registry cannot be reached, so personal data is denied; retry later');
  if (!purpose) return deny(DenialReason.PURPOSE_REQUIRED, 'declare the purpose of this request in the x-purpose header (a purpose code of your grant)');
  const inForce = grants.filter((g) => grantInForce(g, day));
  const covering = inForce.filter((g) => g.fields?.includes(coordinate) || (level === 'BASIC' && g.level === 'BASIC'));
  if (covering.length === 0) {
    if (level === 'SENSITIVE' && inForce.some((g) => g.level === 'BASIC')) {
      return deny(DenialReason.SENSITIVE_NOT_NAMED, `sensitive personal data needs a grant naming ${coordinate} explicitly; agency ${caller.agency}'s grant covers basic data only`);
    }
    return deny(DenialReason.NOT_GRANTED, `agency ${caller.agency} has no grant in force for ${level.toLowerCase()} personal data; ask the data owner for a grant`);
  }
  const grant = covering.find((g) => g.purposes.includes(purpose));
  if (!grant) {
    const allowed = [...new Set(covering.flatMap((g) => g.purposes))].join(', ');
    return deny(DenialReason.PURPOSE_NOT_GRANTED, `purpose "${purpose}" is outside agency ${caller.agency}'s grant (granted purposes: ${allowed})`);
  }
  return { allowed: true, grant };
}
