import { Dossier } from '../entities/dossier';
import { ApplicantType, DossierStatus, PaymentMethod, SubmissionChannel } from '../enums';
import { toBoolean } from './tables';

/** The dossier columns in raw SQL, aliased to property names so rows map 1:1. */
export const DOSSIER_COLUMNS = [
  ['code', 'code'],
  ['procedure_code', 'procedureCode'],
  ['applicant_type', 'applicantType'],
  ['applicant_id', 'applicantId'],
  ['receiving_unit_id', 'receivingUnitId'],
  ['receiving_district_id', 'receivingDistrictId'],
  ['channel', 'channel'],
  ['status', 'status'],
  ['submitted_at', 'submittedAt'],
  ['due_at', 'dueAt'],
  ['completed_at', 'completedAt'],
  ['payment_method', 'paymentMethod'],
  ['electronic_result', 'electronicResult'],
  ['digitized', 'digitized'],
  ['synced_to_national_portal', 'syncedToNationalPortal'],
] as const;

/** `d.code AS "code", d.procedure_code AS "procedureCode", …` for a table alias. */
export function dossierSelectList(alias: string): string {
  return DOSSIER_COLUMNS.map(([column, property]) => `${alias}.${column} AS "${property}"`).join(', ');
}

/** A raw row (selected with dossierSelectList) as a Dossier. */
export function dossierFromRow(row: Record<string, unknown>): Dossier {
  return Object.assign(new Dossier(), {
    code: row.code as string,
    procedureCode: row.procedureCode as string,
    applicantType: row.applicantType as ApplicantType,
    applicantId: row.applicantId as string,
    receivingUnitId: row.receivingUnitId as string,
    receivingDistrictId: (row.receivingDistrictId as string | null) ?? null,
    channel: row.channel as SubmissionChannel,
    status: row.status as DossierStatus,
    submittedAt: row.submittedAt as string,
    dueAt: row.dueAt as string,
    completedAt: (row.completedAt as string | null) ?? null,
    paymentMethod: row.paymentMethod as PaymentMethod,
    electronicResult: toBoolean(row.electronicResult),
    digitized: toBoolean(row.digitized),
    syncedToNationalPortal: toBoolean(row.syncedToNationalPortal),
  });
}
