import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../../../../subgraphs/kit/config';

/** sha256 (hex) of a document's exact text: the id clients send as `extensions.persistedQuery.sha256Hash`. */
export function documentHash(query: string): string {
  return createHash('sha256').update(query).digest('hex');
}

/**
 * Reads the trusted-documents manifest: a JSON object mapping each document's sha256 to its
 * text, or Apollo's persisted-query manifest ({ format: "apollo-persisted-query-manifest",
 * operations: [{ id, body }] }). Every id must be the sha256 of its text.
 */
export function loadManifest(file: string): Map<string, string> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`TRUSTED_DOCUMENTS_FILE ${file} is not a readable JSON file: ${(error as Error).message}`);
  }
  const entries: [string, unknown][] =
    json && typeof json === 'object' && Array.isArray((json as { operations?: unknown }).operations)
      ? (json as { operations: { id: string; body: unknown }[] }).operations.map((o) => [o.id, o.body])
      : Object.entries((json ?? {}) as Record<string, unknown>);
  const manifest = new Map<string, string>();
  for (const [id, body] of entries) {
    if (typeof body !== 'string' || documentHash(body) !== id) {
      throw new ConfigError(`TRUSTED_DOCUMENTS_FILE ${file}: the entry "${id}" is not the sha256 (hex) of its document text`);
    }
    manifest.set(id, body);
  }
  return manifest;
}
