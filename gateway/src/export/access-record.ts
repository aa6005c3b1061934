import type { AccessRecorder, AccessReport } from '../plugins/access';
import type { Subject } from '../plugins/access/walk';

/**
 * The ONE access record of an export. Fail closed and one record are both kept by running the
 * operation twice when a grant lets it return personal data:
 * 1. survey: every page runs, its report is added here (no row is sent);
 * 2. the record (all fields, all persons) is written — if that fails, the export answers 503
 *    before the first byte;
 * 3. stream: every page runs again and is sent only when its report is covered by the record
 *    (persons and fields); a page that is not (the data changed in between) has its personal
 *    data withheld by the access plugin, and the export ends with an error line.
 * Memory: the persons of the record (id and CCCD), never the rows.
 */
export class ExportAccessRecord {
  private readonly fields = new Set<string>();
  private readonly subjects = new Map<string, Subject>();
  private readonly legalBases = new Set<string>();
  private partial = false;
  private first?: AccessReport;

  /** Survey pass: collect, write nothing. */
  readonly collecting: AccessRecorder = {
    record: async (report) => {
      this.first ??= report;
      report.fields.forEach((f) => this.fields.add(f));
      report.subjects.forEach((s) => this.subjects.set(s.id, s));
      report.legalBases.forEach((b) => this.legalBases.add(b));
      if (report.outcome === 'PARTIAL') this.partial = true;
    },
  };

  /** Stream pass: a page passes only when the written record already covers it. */
  readonly covering: AccessRecorder = {
    record: async (report) => {
      const uncovered = report.fields.some((f) => !this.fields.has(f)) || report.subjects.some((s) => !this.subjects.has(s.id));
      if (uncovered) throw new Error('this page holds personal data the export\'s access record does not cover (the data changed during the export)');
    },
  };

  /** The record to write; undefined when no page returned personal data. */
  report(): AccessReport | undefined {
    if (!this.first || this.fields.size === 0) return undefined;
    return {
      ...this.first,
      at: new Date(),
      legalBases: [...this.legalBases],
      fields: [...this.fields],
      subjects: [...this.subjects.values()],
      outcome: this.partial ? 'PARTIAL' : 'SERVED',
    };
  }
}

/** For an operation no grant lets return personal data: any personal value would be withheld. */
export const REFUSING_RECORDER: AccessRecorder = {
  record: async () => {
    throw new Error('the export was not prepared for personal data');
  },
};
