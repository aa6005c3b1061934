import type { Grant } from './grant';

/** Where the CLI talks to: the registry's base URL and the administrator's token. */
export interface GrantClientOptions {
  registryUrl: string;
  token: string;
}

async function call(options: GrantClientOptions, method: string, path: string, body?: unknown): Promise<any> {
  const url = new URL(path.replace(/^\//, ''), options.registryUrl.endsWith('/') ? options.registryUrl : `${options.registryUrl}/`);
  const response = await fetch(url, { method, headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json: any = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(json?.error?.message ?? `the registry answered ${response.status} for ${method} ${url}`);
  return json;
}

/** Parses `--name value` pairs. */
function flags(args: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 1) if (args[i].startsWith('--')) out[args[i].slice(2)] = args[i + 1] ?? '';
  return out;
}
const list = (value: string | undefined) => (value ? value.split(',').map((s) => s.trim()).filter(Boolean) : undefined);

/**
 * `grants add --agency SO-Y-TE --level BASIC [--fields Citizen.ethnicity] [--acts-for 721,25741] --purposes p1,p2
 *   --legal-basis "…" [--valid-from 2025-01-01] [--valid-to 2025-12-31]`,
 * `grants list [--agency A]`, `grants revoke ID`. Returns the text to print.
 */
export async function grantsCommand(args: string[], options: GrantClientOptions): Promise<string> {
  const [command, ...rest] = args;
  const f = flags(rest);
  switch (command) {
    case 'add': {
      const grant: Partial<Grant> = {
        agency: f.agency,
        level: (f.level as Grant['level']) || undefined,
        fields: list(f.fields),
        actsFor: list(f['acts-for']),
        purposes: list(f.purposes) ?? [],
        legalBasis: f['legal-basis'],
        validFrom: f['valid-from'] || undefined,
        validTo: f['valid-to'] || undefined,
      };
      const { grant: created } = await call(options, 'POST', '/grants', grant);
      return `grant ${created.id} added for ${created.agency}`;
    }
    case 'list': {
      const { grants } = await call(options, 'GET', `/grants${f.agency ? `?agency=${encodeURIComponent(f.agency)}` : ''}`);
      if (!grants.length) return 'no grants';
      return grants
        .map((g: Grant & { id: string }) => `${g.id}  ${g.agency}  ${[g.level, ...(g.fields ?? [])].filter(Boolean).join(',')}${g.actsFor?.length ? `  actsFor=${g.actsFor.join(',')}` : ''}  purposes=${g.purposes.join(',')}  ${g.validFrom ?? '…'}..${g.validTo ?? '…'}  ${g.legalBasis}`)
        .join('\n');
    }
    case 'revoke': {
      if (!rest[0]) throw new Error('usage: grants revoke GRANT_ID');
      await call(options, 'POST', `/grants/${encodeURIComponent(rest[0])}/revoke`);
      return `grant ${rest[0]} revoked`;
    }
    default:
      throw new Error('usage: grants add --agency A (--level BASIC | --fields Type.field,… | --acts-for 721,25741) --purposes p1,p2 --legal-basis "…" [--valid-from YYYY-MM-DD] [--valid-to YYYY-MM-DD] | grants list [--agency A] | grants revoke ID');
  }
}
