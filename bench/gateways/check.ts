import { firstDifference } from './equality';

/**
 * Checks a gateway's answer against the expected one: the same `data` and the same `errors`
 * (none, for every request of both workloads); `extensions` are a gateway's own business.
 * Returns undefined when equal, else where it differs.
 */
export function answerDifference(body: string, expected: unknown): string | undefined {
  let parsed: { data?: unknown; errors?: unknown };
  try {
    parsed = JSON.parse(body);
  } catch {
    return `not JSON: ${body.slice(0, 200)}`;
  }
  const wanted = expected as { data?: unknown; errors?: unknown };
  return firstDifference({ data: parsed.data, errors: parsed.errors }, { data: wanted.data, errors: wanted.errors });
}
