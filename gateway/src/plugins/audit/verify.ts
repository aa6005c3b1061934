import { existsSync } from 'node:fs';
import type { DatabaseConfig } from '../../../../subgraphs/kit/config';
import { AccessRecordStore } from '../../../../subgraphs/access/store';

/**
 * What `npm run audit:verify` does: walks the access-record chain and says whether it is intact
 * or where it was first tampered with. Exit code 0 intact, 1 tampered.
 */
export async function verifyAccessRecords(database: DatabaseConfig): Promise<{ exitCode: 0 | 1; message: string; seq?: number }> {
  if (database.kind === 'sqlite' && !existsSync(database.file)) {
    return { exitCode: 0, message: `audit:verify: no access records yet (${database.file} does not exist)` };
  }
  const store = await AccessRecordStore.open(database);
  try {
    const { checked, problem } = await store.verify();
    if (problem) {
      return {
        exitCode: 1,
        seq: problem.seq,
        message: `audit:verify: TAMPERED at record ${problem.seq} (${problem.kind}): ${problem.message}; the ${checked} record(s) before it are intact`,
      };
    }
    return { exitCode: 0, message: `audit:verify: the chain of ${checked} access record(s) is intact` };
  } finally {
    await store.close();
  }
}
