import { badRequest } from '../errors';

// Names end up in environment variables (<NAME>_URL), PostgreSQL schema names and type names
// of scaffolded code: lower-case letters, digits and hyphens only.
const SUBGRAPH_NAME = /^[a-z][a-z0-9-]{0,39}$/;
const AGENCY_ID = /^[a-z][a-z0-9-]{1,39}$/;

export function validSubgraphName(value: unknown, field = 'name'): string {
  if (typeof value !== 'string' || !SUBGRAPH_NAME.test(value) || value.endsWith('-')) {
    throw badRequest(`${field} must be a subgraph name of lower-case letters, digits and hyphens, starting with a letter, at most 40 characters (e.g. "health-records"), got ${JSON.stringify(value)}`);
  }
  return value;
}

export function validAgencyId(value: unknown): string {
  if (typeof value !== 'string' || !AGENCY_ID.test(value)) {
    throw badRequest(`id must be an agency id of 2–40 lower-case letters, digits and hyphens, starting with a letter (e.g. "soyte"), got ${JSON.stringify(value)}`);
  }
  return value;
}

export function validRoutingUrl(value: unknown): string {
  try {
    if (typeof value !== 'string') throw new Error('not a string');
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
    if (value.length > 500) throw new Error('too long');
    return url.toString();
  } catch {
    throw badRequest(`url must be the http(s) URL where the gateway reaches the subgraph, e.g. http://10.0.3.7:4010/graphql, got ${JSON.stringify(value)}`);
  }
}

export function validText(value: unknown, field: string, maxLength: number): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > maxLength) {
    throw badRequest(`${field} must be a non-empty string of at most ${maxLength} characters`);
  }
  return value;
}

export function validLabel(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'default';
  if (typeof value !== 'string' || !/^[A-Za-z0-9._-]{1,100}$/.test(value)) {
    throw badRequest(`label must be 1–100 letters, digits, ".", "_" or "-" (e.g. "ci"), got ${JSON.stringify(value)}`);
  }
  return value;
}

/** The largest SDL the registry accepts (a few hundred kB is a very large subgraph). */
export const MAX_SDL_LENGTH = 2_000_000;
