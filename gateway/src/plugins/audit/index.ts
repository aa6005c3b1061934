import type { DatabaseConfig } from '../../../../subgraphs/kit/config';
import { AccessRecordStore } from '../../../../subgraphs/access/store';
import type { AccessRecorder, AccessReport } from '../access';

export { AccessRecordStore } from '../../../../subgraphs/access/store';

export interface AuditPluginOptions {
  /** The access-record database (ACCESS_DATABASE_URL / DATABASE_URL, else <DATA_DIR>/access.sqlite). */
  database: DatabaseConfig;
}

/**
 * Step 6, record: the access-record store the access plugin writes to before a response with
 * personal data leaves. One hash-chained record per request; `record` rejects when the record is
 * not committed, and the access plugin then withholds the personal data.
 */
export async function AuditPlugin(options: AuditPluginOptions): Promise<{ recorder: AccessRecorder; store: AccessRecordStore; stop(): Promise<void> }> {
  const store = await AccessRecordStore.open(options.database);
  return {
    store,
    recorder: {
      async record(report: AccessReport) {
        await store.append(report);
      },
    },
    stop: () => store.close(),
  };
}
