import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { DEFAULT_REGISTRY_PORT } from '../config';

/**
 * Where the bdg CLI gets its registry and token. The registry: --registry, else REGISTRY_URL,
 * else the one of the stored `bdg login`, else the local registry of `npm start`. The token:
 * --token, else REGISTRY_TOKEN, else the stored login when it is for that registry, else (only
 * when neither --registry nor REGISTRY_URL is given and the local registry answers) the local
 * admin token `npm start` keeps in `<DATA_DIR>/registry-admin-token`.
 */

type Env = Record<string, string | undefined>;

/** A problem with the CLI's own files (an unreadable config file): a usage error. */
export class CredentialsError extends Error {
  override name = 'CredentialsError';
}

/** What `bdg login` stores. */
export interface StoredLogin {
  registry: string;
  token: string;
  /** The agency (or "admin", "gateway:<label>") the registry said the token belongs to. */
  principal?: string;
  savedAt: string;
}

export type TokenSource = 'flag' | 'env' | 'login' | 'local-admin' | 'none';

export interface ResolvedCredentials {
  /** The registry's base URL, without a trailing slash. */
  url: string;
  token?: string;
  source: TokenSource;
  /** Where the token came from, for messages: "--token", "REGISTRY_TOKEN", "bdg login (<file>)", … */
  from: string;
  /** The stderr notice to print (once) when the local admin token is used. */
  notice?: string;
  /** The local admin token file, when the registry in use is the implicit local one. */
  localTokenFile?: string;
}

export const normalizeUrl = (url: string): string => url.trim().replace(/\/+$/, '');

/** BDG_CONFIG_DIR, else $XDG_CONFIG_HOME/bdg, else ~/.config/bdg. */
export function configDir(env: Env): string {
  if (env.BDG_CONFIG_DIR) return path.resolve(env.BDG_CONFIG_DIR);
  if (env.XDG_CONFIG_HOME) return path.join(path.resolve(env.XDG_CONFIG_HOME), 'bdg');
  return path.join(env.HOME || os.homedir(), '.config', 'bdg');
}

export function configFile(env: Env): string {
  return path.join(configDir(env), 'config.json');
}

export function readLogin(env: Env): StoredLogin | undefined {
  const file = configFile(env);
  if (!existsSync(file)) return undefined;
  let parsed: Partial<StoredLogin>;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoredLogin>;
  } catch (error) {
    throw new CredentialsError(`Cannot read the bdg config file ${file} (${(error as Error).message}); remove it with: bdg logout`);
  }
  if (typeof parsed?.registry !== 'string' || typeof parsed.token !== 'string' || !parsed.token) {
    throw new CredentialsError(`The bdg config file ${file} holds no registry and token; log in again with: bdg login --token <token>`);
  }
  return { registry: normalizeUrl(parsed.registry), token: parsed.token, principal: parsed.principal, savedAt: String(parsed.savedAt ?? '') };
}

/** Writes the login, readable by the user only (directory 0700, file 0600), atomically. Returns the file. */
export function saveLogin(env: Env, login: StoredLogin): string {
  const dir = configDir(env);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = configFile(env);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(login, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
  return file;
}

/** Removes the stored login; returns the file it removed, or undefined when there was none. */
export function removeLogin(env: Env): string | undefined {
  const file = configFile(env);
  if (!existsSync(file)) return undefined;
  rmSync(file, { force: true });
  return file;
}

/** The project's root (where npm start runs), else the working directory. */
function projectDir(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && path.basename(dir) !== 'dist') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/** The variables of the project's `.env` (npm start loads it), for those the environment does not set. */
function dotEnv(root: string): Env {
  const file = path.join(root, '.env');
  const parseEnv = (util as unknown as { parseEnv?: (text: string) => Env }).parseEnv;
  if (!parseEnv || !existsSync(file)) return {};
  try {
    return parseEnv(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}

/** What npm start's registry uses: the environment, else the project's .env; relative paths from the project root. */
function localSettings(env: Env): { url: string; tokenFile: string } {
  const root = projectDir();
  const fromFile = dotEnv(root);
  const pick = (name: string) => env[name] || fromFile[name] || undefined;
  const host = pick('REGISTRY_HOST') ?? '127.0.0.1';
  const port = Number(pick('REGISTRY_PORT') ?? DEFAULT_REGISTRY_PORT) || DEFAULT_REGISTRY_PORT;
  const dataDir = path.resolve(root, pick('DATA_DIR') ?? 'data');
  return { url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`, tokenFile: path.join(dataDir, 'registry-admin-token') };
}

/** The URL npm start's registry listens on (REGISTRY_HOST, REGISTRY_PORT; default http://127.0.0.1:4100). */
export function localRegistryUrl(env: Env): string {
  return localSettings(env).url;
}

/** Where npm start keeps the local registry's admin token: `<DATA_DIR>/registry-admin-token` (DATA_DIR default `data`). */
export function localAdminTokenFile(env: Env): string {
  return localSettings(env).tokenFile;
}

/** Whether a registry answers its health check within a short time. */
async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_500) });
    const body = (await response.json().catch(() => undefined)) as { status?: string } | undefined;
    return response.ok && body?.status === 'ok';
  } catch {
    return false;
  }
}

export async function resolveCredentials(options: { registry?: string; token?: string }, env: Env): Promise<ResolvedCredentials> {
  const explicitUrl = options.registry || env.REGISTRY_URL || undefined;
  const givenToken = options.token || env.REGISTRY_TOKEN || undefined;
  // The config file is read only when it can matter (a registry or a token still to find).
  const login = explicitUrl && givenToken ? undefined : readLogin(env);
  const local = localSettings(env);
  const url = normalizeUrl(explicitUrl ?? login?.registry ?? local.url);
  const implicitLocal = !explicitUrl && url === normalizeUrl(local.url);
  const localTokenFile = implicitLocal ? local.tokenFile : undefined;
  if (options.token) return { url, token: options.token, source: 'flag', from: '--token', localTokenFile };
  if (env.REGISTRY_TOKEN) return { url, token: env.REGISTRY_TOKEN, source: 'env', from: 'REGISTRY_TOKEN', localTokenFile };
  if (login && login.registry === url) return { url, token: login.token, source: 'login', from: `bdg login (${configFile(env)})`, localTokenFile };
  if (implicitLocal && existsSync(local.tokenFile) && (await answers(url))) {
    let token: string | undefined;
    try {
      token = readFileSync(local.tokenFile, 'utf8').trim() || undefined;
    } catch {
      token = undefined;
    }
    if (token) {
      return {
        url,
        token,
        source: 'local-admin',
        from: `the local admin token (${local.tokenFile})`,
        notice: `bdg: using the local registry at ${url} with its admin token from ${local.tokenFile} (set REGISTRY_URL and REGISTRY_TOKEN for another registry)`,
        localTokenFile,
      };
    }
  }
  return { url, source: 'none', from: 'no token', localTokenFile };
}

/** The ways to get a token, for the error without one. */
export function howToGetAToken(credentials: Pick<ResolvedCredentials, 'localTokenFile'>, env: Env): string {
  const tokenFile = credentials.localTokenFile ?? localAdminTokenFile(env);
  return [
    'Get a token:',
    '  bdg login --token <token> [--registry URL]   store a token for later commands (an agency token: the registry administrator issues it with',
    '                                               bdg agency token <agency> --label <label>)',
    `  npm start                                    the local registry: with no REGISTRY_URL, bdg uses its admin token (${tokenFile})`,
    '  REGISTRY_TOKEN=<token> or --token <token>    for one command',
  ].join('\n');
}
