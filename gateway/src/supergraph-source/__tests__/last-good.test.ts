import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LastGoodSupergraph } from '../last-good';

// The gateway's saved supergraph: atomic writes, secrets readable by the owner only, and never
// the committed schema/supergraph.graphql.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'bdg-last-good-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('saves and reads back the supergraph, its version and hash, and the signing secrets (mode 0600)', () => {
  const store = new LastGoodSupergraph(dir);
  expect(store.read()).toBeNull();
  store.write({ supergraphSdl: 'schema { query: Query }', version: 7, hash: 'abc', signingSecrets: { health: 's3cret' } });
  expect(store.read()).toEqual({ supergraphSdl: 'schema { query: Query }', version: 7, hash: 'abc', signingSecrets: { health: 's3cret' } });
  expect(statSync(path.join(dir, 'subgraph-secrets.json')).mode & 0o777).toBe(0o600);
  store.write({ supergraphSdl: 'v8', version: 8, hash: 'def' });
  expect(readFileSync(store.file, 'utf8')).toBe('v8');
});

test('refuses to be pointed at the committed supergraph', () => {
  const committed = path.join(dir, 'last-good-supergraph.graphql');
  expect(() => new LastGoodSupergraph(dir, [committed])).toThrow(/may not be the committed supergraph/);
});
