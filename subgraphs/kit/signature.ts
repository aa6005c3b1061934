import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { ConfigError, envName } from './config';

/**
 * Subgraphs trust only the gateway. The gateway signs every subgraph call with HMAC-SHA-256
 * (a secret per subgraph) over the method, the path, a timestamp, the body's hash and the
 * caller's identity headers; a subgraph refuses unsigned, altered or stale requests. So the
 * gateway's checks cannot be skipped by calling a subgraph directly, and the caller identity a
 * subgraph sees is the one the gateway established (unlike a signature over the body alone,
 * a captured request cannot be replayed later or with another identity).
 */

export const SIGNATURE_HEADER = 'x-gateway-signature';
export const TIMESTAMP_HEADER = 'x-gateway-timestamp';
/** Identity headers, in canonical order; values are percent-encoded UTF-8, absent when empty. */
export const CALLER_HEADERS = ['x-caller-sub', 'x-caller-agency', 'x-caller-scopes', 'x-caller-purpose', 'x-caller-acts-for'] as const;
const VERSION = 'bdg-signature-v1';

export const DEFAULT_SIGNATURE_MAX_AGE_MS = 30_000;
/** Clock difference tolerated for a timestamp from the future. */
export const DEFAULT_SIGNATURE_MAX_SKEW_MS = 5_000;
const MIN_SECRET_LENGTH = 32;

/** The caller as the gateway established it; everything absent for an anonymous caller. */
export interface SignedCaller {
  /** The user (token `sub`). */
  sub?: string;
  /** The user's agency code. */
  agency?: string;
  scopes: string[];
  /** Declared purpose of the request (x-purpose at the gateway). */
  purpose?: string;
  /**
   * Administrative unit ids the caller's agency may act for (process dossiers, manage
   * programme tasks), each with its subtree: the `actsFor` of its grants in force. Empty or
   * absent: it may act for no unit.
   */
  actsFor?: string[];
}

export const ANONYMOUS_CALLER: SignedCaller = Object.freeze({ scopes: Object.freeze([]) as unknown as string[] });

/** Why a request was refused; reaches the caller as `extensions.reason`. */
export type SignatureFailure = 'SIGNATURE_MISSING' | 'SIGNATURE_INVALID' | 'SIGNATURE_EXPIRED' | 'SIGNATURE_FROM_FUTURE';

function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The identity headers of a caller (only the non-empty ones). */
export function callerHeaders(caller: SignedCaller | undefined): Record<string, string> {
  const values = [caller?.sub, caller?.agency, caller?.scopes?.join(' '), caller?.purpose, caller?.actsFor?.join(' ')];
  const headers: Record<string, string> = {};
  CALLER_HEADERS.forEach((name, i) => {
    if (values[i]) headers[name] = encodeURIComponent(values[i]!);
  });
  return headers;
}

/** The string the HMAC covers; JSON so that no field can bleed into the next. */
export function canonicalRequest(method: string, path: string, timestamp: string, body: string | Buffer, header: (name: string) => string | undefined): string {
  return JSON.stringify([VERSION, method.toUpperCase(), path, timestamp, sha256Hex(body), ...CALLER_HEADERS.map((name) => header(name) ?? '')]);
}

export interface SignInput {
  secret: string;
  method: string;
  /** Path and query string of the subgraph URL, e.g. "/graphql". */
  path: string;
  body: string | Buffer;
  caller?: SignedCaller;
  now?: number;
}

/** Headers to add to a subgraph call: identity, timestamp and signature. */
export function signRequest(input: SignInput): Record<string, string> {
  const identity = callerHeaders(input.caller);
  const timestamp = String(input.now ?? Date.now());
  const canonical = canonicalRequest(input.method, input.path, timestamp, input.body, (name) => identity[name]);
  const signature = createHmac('sha256', input.secret).update(canonical).digest('hex');
  return { ...identity, [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: signature };
}

export interface VerifyInput {
  secret: string;
  method: string;
  path: string;
  body: string | Buffer;
  /** Reads a request header (lower-case name). */
  header: (name: string) => string | undefined;
  now?: number;
  maxAgeMs?: number;
  maxSkewMs?: number;
}

export type VerifyResult = { ok: true; caller: SignedCaller } | { ok: false; reason: SignatureFailure; message: string };

function decodeCaller(header: (name: string) => string | undefined): SignedCaller | undefined {
  try {
    const [sub, agency, scopes, purpose, actsFor] = CALLER_HEADERS.map((name) => (header(name) ? decodeURIComponent(header(name)!) : undefined));
    return { sub, agency, scopes: scopes ? scopes.split(' ').filter(Boolean) : [], purpose, ...(actsFor ? { actsFor: actsFor.split(' ').filter(Boolean) } : {}) };
  } catch {
    return undefined;
  }
}

/** Checks a request's signature and freshness, in constant time; gives the signed caller. */
export function verifyRequest(input: VerifyInput): VerifyResult {
  const signature = input.header(SIGNATURE_HEADER);
  const timestamp = input.header(TIMESTAMP_HEADER);
  if (!signature || !timestamp) {
    return { ok: false, reason: 'SIGNATURE_MISSING', message: `This subgraph answers only the gateway: the request has no ${SIGNATURE_HEADER} and ${TIMESTAMP_HEADER} headers. Send the operation to the gateway instead.` };
  }
  const now = input.now ?? Date.now();
  const maxAgeMs = input.maxAgeMs ?? DEFAULT_SIGNATURE_MAX_AGE_MS;
  const maxSkewMs = input.maxSkewMs ?? DEFAULT_SIGNATURE_MAX_SKEW_MS;
  const signedAt = /^\d{1,16}$/.test(timestamp) ? Number(timestamp) : NaN;
  if (!Number.isFinite(signedAt)) {
    return { ok: false, reason: 'SIGNATURE_INVALID', message: `${TIMESTAMP_HEADER} must be the signing time in milliseconds since 1970; send the operation to the gateway instead.` };
  }
  if (now - signedAt > maxAgeMs) {
    return { ok: false, reason: 'SIGNATURE_EXPIRED', message: `The gateway signature is ${now - signedAt} ms old, older than the limit of ${maxAgeMs} ms (a replayed or delayed request); send the operation to the gateway again.` };
  }
  if (signedAt - now > maxSkewMs) {
    return { ok: false, reason: 'SIGNATURE_FROM_FUTURE', message: `The gateway signature is dated ${signedAt - now} ms in the future, beyond the tolerated clock skew of ${maxSkewMs} ms; synchronise the clocks of gateway and subgraph.` };
  }
  const expected = createHmac('sha256', input.secret).update(canonicalRequest(input.method, input.path, timestamp, input.body, input.header)).digest();
  const given = /^[0-9a-f]{64}$/i.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(expected.length);
  const caller = decodeCaller(input.header);
  // timingSafeEqual always runs (a malformed signature compares zeros), so timing tells nothing.
  if (!timingSafeEqual(expected, given) || !/^[0-9a-f]{64}$/i.test(signature) || !caller) {
    return { ok: false, reason: 'SIGNATURE_INVALID', message: 'The gateway signature does not match the request: its method, path, body, timestamp or caller headers were altered, or gateway and subgraph use different secrets. Send the operation to the gateway.' };
  }
  return { ok: true, caller };
}

type Env = Record<string, string | undefined>;

/** The secret shared by the gateway and one subgraph: `<NAME>_SIGNING_SECRET`, else SUBGRAPH_SIGNING_SECRET. */
export function signingSecretFor(subgraph: string, env: Env = process.env): string | undefined {
  const own = envName(subgraph, 'SIGNING_SECRET');
  const variable = env[own] ? own : 'SUBGRAPH_SIGNING_SECRET';
  const secret = env[variable];
  if (!secret) return undefined;
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`${variable} must be at least ${MIN_SECRET_LENGTH} characters long (e.g. the output of "openssl rand -hex 32")`);
  }
  return secret;
}

/** Whether a subgraph refuses unsigned requests: `<NAME>_SIGNATURE_CHECKS` or SUBGRAPH_SIGNATURE_CHECKS, "on" (default) or "off". */
export function signatureChecksFor(subgraph: string, env: Env = process.env): boolean {
  const own = envName(subgraph, 'SIGNATURE_CHECKS');
  const variable = env[own] ? own : 'SUBGRAPH_SIGNATURE_CHECKS';
  const value = (env[variable] ?? 'on').toLowerCase();
  if (value !== 'on' && value !== 'off') throw new ConfigError(`${variable} must be "on" or "off", got "${env[variable]}"`);
  return value === 'on';
}

/** SIGNATURE_MAX_AGE_MS: how old a signature may be (default 30,000 ms). */
export function signatureMaxAgeMs(env: Env = process.env): number {
  const raw = env.SIGNATURE_MAX_AGE_MS;
  if (raw === undefined || raw === '') return DEFAULT_SIGNATURE_MAX_AGE_MS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new ConfigError(`SIGNATURE_MAX_AGE_MS must be a positive whole number of milliseconds, got "${raw}"`);
  return value;
}
