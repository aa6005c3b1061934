import type { SignedCaller } from '../../subgraphs/kit/signature';

/**
 * What the limits, the rate limiter and the subgraph signature need to know about the caller.
 * The auth plugin puts `caller` on the Apollo context ({ kind: 'anonymous' } or { kind: 'user',
 * subject, agency?, scopes }); this reads it without depending on more than those fields, and
 * treats a request without one as anonymous.
 */
export type CallerView = SignedCaller;

/** Scope that admits introspection in production and ad-hoc documents in trusted-documents mode. */
export const ANALYST_SCOPE = 'analyst';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function scopesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((s): s is string => typeof s === 'string' && s !== '');
  if (value instanceof Set) return [...value].filter((s): s is string => typeof s === 'string');
  if (typeof value === 'string') return value.split(' ').filter(Boolean);
  return [];
}

/** The caller of a request, from its Apollo context (anonymous when there is none). */
export function callerView(contextValue: unknown): CallerView {
  const context = (contextValue ?? {}) as Record<string, unknown>;
  const caller = (context.caller ?? {}) as Record<string, unknown>;
  if (caller.kind === 'anonymous') return { scopes: [], purpose: text(context.purpose) };
  return {
    sub: text(caller.subject) ?? text(caller.sub),
    agency: text(caller.agency),
    scopes: scopesOf(caller.scopes ?? caller.scope),
    purpose: text(caller.purpose) ?? text(context.purpose),
    // Set by the access plugin for mutations only: reads never depend on it.
    ...(Array.isArray(context.actsFor) && context.actsFor.length ? { actsFor: context.actsFor.filter((u): u is string => typeof u === 'string') } : {}),
  };
}

export function hasScope(caller: CallerView, scope: string): boolean {
  return caller.scopes.includes(scope);
}
