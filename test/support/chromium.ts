import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The browser of the IDE's end-to-end test (test/ide.test.ts): Debian's `chromium` package,
// driven by playwright-core (which downloads no browser of its own). The project's setup
// installs it when missing, so a fresh machine or CI needs no manual step (.ci/run does the same).

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a headless run that makes no request of its own (updates, sync, field trials, QUIC). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The path of Chromium, installing Debian's package first when it is absent (needs root, as on CI). */
export function ensureChromium(log: (line: string) => void = (line) => console.log(line)): string {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(`${CHROMIUM_PATH} is missing and this is not root: install it with "apt-get update && apt-get install -y chromium"`);
  }
  log(`chromium: ${CHROMIUM_PATH} is missing; installing Debian's package (apt-get update && apt-get install -y chromium)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    log(`chromium: apt-get ${args.join(' ')}`);
    const run = spawnSync('apt-get', args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${run.status}): ${(run.stderr || run.stdout || '').slice(-2000)}`);
  }
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium but ${CHROMIUM_PATH} is still missing`);
  log(`chromium: installed ${execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).trim()}`);
  return CHROMIUM_PATH;
}

/** A fresh, empty profile folder for one browser run. */
export function freshUserDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'bdg-chromium-'));
}
