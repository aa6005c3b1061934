import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A supergraph the gateway served successfully, kept on disk so that it also starts when the registry is down. */
export interface StoredSupergraph {
  supergraphSdl: string;
  /** Registry version; null when unknown. */
  version: number | null;
  hash: string;
  /** The signing secrets the registry issued for its subgraphs (so that a start without the registry can sign calls). */
  signingSecrets?: Record<string, string>;
}

export const LAST_GOOD_FILE = 'last-good-supergraph.graphql';
const META_FILE = 'last-good-supergraph.json';
/** Readable by the gateway's user only: it holds subgraph signing secrets. */
const SECRETS_FILE = 'subgraph-secrets.json';

/**
 * `<dir>/last-good-supergraph.graphql` (+ a .json beside it with version and hash, and the
 * subgraph signing secrets in subgraph-secrets.json, mode 0600). Writes go
 * to a temporary file renamed over the old one, so a crash never leaves half a supergraph; and
 * never to the committed schema/supergraph.graphql.
 */
export class LastGoodSupergraph {
  readonly file: string;
  private readonly meta: string;
  private readonly secrets: string;

  constructor(
    dir: string,
    /** Files this store must never write (the committed supergraph). */
    private readonly protectedFiles: string[] = [],
  ) {
    this.file = path.resolve(dir, LAST_GOOD_FILE);
    this.meta = path.resolve(dir, META_FILE);
    this.secrets = path.resolve(dir, SECRETS_FILE);
    if (this.protectedFiles.map((f) => path.resolve(f)).includes(this.file)) {
      throw new Error(`The gateway's last good supergraph (${this.file}) may not be the committed supergraph; use another DATA_DIR`);
    }
  }

  read(): StoredSupergraph | null {
    if (!existsSync(this.file)) return null;
    try {
      const supergraphSdl = readFileSync(this.file, 'utf8');
      const meta = existsSync(this.meta) ? (JSON.parse(readFileSync(this.meta, 'utf8')) as { version?: unknown; hash?: unknown }) : {};
      const signingSecrets = existsSync(this.secrets) ? (JSON.parse(readFileSync(this.secrets, 'utf8')) as Record<string, string>) : undefined;
      return { supergraphSdl, version: typeof meta.version === 'number' ? meta.version : null, hash: typeof meta.hash === 'string' ? meta.hash : '', signingSecrets };
    } catch {
      return null;
    }
  }

  write(stored: StoredSupergraph): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const suffix = `.${process.pid}.tmp`;
    writeFileSync(this.file + suffix, stored.supergraphSdl);
    writeFileSync(this.meta + suffix, `${JSON.stringify({ version: stored.version, hash: stored.hash, savedAt: new Date().toISOString() }, null, 2)}\n`);
    if (stored.signingSecrets) writeFileSync(this.secrets + suffix, JSON.stringify(stored.signingSecrets), { mode: 0o600 });
    renameSync(this.file + suffix, this.file);
    renameSync(this.meta + suffix, this.meta);
    if (stored.signingSecrets) renameSync(this.secrets + suffix, this.secrets);
  }
}
