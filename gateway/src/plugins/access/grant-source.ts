import { readFileSync, statSync } from 'node:fs';
import { request } from 'undici';
import { Grant, grantProblems } from '../../../../schema/grants/grant';

/** Where the gateway gets grants: the registry over HTTP, or a JSON file. */
export interface GrantSource {
  /** The grants of one agency; throws when none can be known (then personal data is denied). */
  grantsFor(agency: string): Promise<Grant[]>;
  close?(): void;
}

function validated(grants: unknown, origin: string): Grant[] {
  if (!Array.isArray(grants)) throw new Error(`${origin}: expected {"grants": [...]}`);
  grants.forEach((g, i) => {
    const problems = grantProblems(g);
    if (problems.length) throw new Error(`${origin}: grant ${i} (${(g as Grant)?.agency ?? '?'}): ${problems.join('; ')}`);
  });
  return grants as Grant[];
}

/** Grants from a JSON file `{"grants": [...]}`, re-read when the file changes. */
export class FileGrantSource implements GrantSource {
  private grants: Grant[] = [];
  private mtimeMs = -1;

  constructor(private readonly file: string) {
    this.reload();
  }

  private reload(): void {
    const { mtimeMs } = statSync(this.file);
    if (mtimeMs === this.mtimeMs) return;
    this.grants = validated(JSON.parse(readFileSync(this.file, 'utf8')).grants, this.file);
    this.mtimeMs = mtimeMs;
  }

  async grantsFor(agency: string): Promise<Grant[]> {
    try {
      this.reload();
    } catch {
      // A broken edit keeps the last good grants; the start-up load already proved the format.
    }
    return this.grants.filter((g) => g.agency === agency);
  }
}

/**
 * Grants from the registry (`GET <REGISTRY_URL>/grants`), cached and refreshed every
 * `refreshMs`; a failed refresh keeps the last good set. Before the first successful load every
 * personal field is denied (fail closed).
 */
export class RegistryGrantSource implements GrantSource {
  private grants?: Grant[];
  private loadedAt = 0;
  private inflight?: Promise<void>;

  constructor(private readonly registryUrl: string, private readonly refreshMs = 30_000, private readonly token?: string) {}

  private async refresh(): Promise<void> {
    const url = new URL('grants', this.registryUrl.endsWith('/') ? this.registryUrl : `${this.registryUrl}/`);
    const response = await request(url, { headers: { accept: 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) }, bodyTimeout: 5000, headersTimeout: 5000 });
    if (response.statusCode !== 200) {
      await response.body.dump();
      throw new Error(`registry answered ${response.statusCode} for ${url}`);
    }
    this.grants = validated(((await response.body.json()) as { grants?: unknown }).grants, url.toString());
    this.loadedAt = Date.now();
  }

  async grantsFor(agency: string): Promise<Grant[]> {
    if (!this.grants || Date.now() - this.loadedAt > this.refreshMs) {
      this.inflight ??= this.refresh().finally(() => (this.inflight = undefined));
      try {
        await this.inflight;
      } catch (error) {
        if (!this.grants) throw error;
      }
    }
    return this.grants!.filter((g) => g.agency === agency);
  }
}
