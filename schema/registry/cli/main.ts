import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { grantsCommand } from '../../grants/cli';
import { DEFAULT_REGISTRY_PORT } from '../config';
import { RegistryClient, RegistryClientError } from './client';
import { formatAgencies, formatCheck, formatHistory, formatPublish, formatRollback, formatSubgraphs, formatToken, formatVersions } from './format';

/** Exit codes scripts can rely on. */
export enum ExitCode {
  OK = 0,
  /** The registry refused: a check failed, a publish was refused, the token may not do this. */
  REFUSED = 1,
  /** Wrong usage (unknown command, missing flag, unreadable file) or the registry is unreachable. */
  USAGE_OR_CONNECTION = 2,
}

export interface CliIo {
  env: Record<string, string | undefined>;
  out(text: string): void;
  err(text: string): void;
}

export const USAGE = `bdg: the Bình Dương schema registry CLI

Agencies:
  bdg subgraph publish --name NAME --url URL --schema FILE [--force]
  bdg subgraph check   --name NAME --schema FILE [--url URL]
  bdg subgraph list
  bdg subgraph history NAME
  bdg supergraph versions
  bdg supergraph rollback VERSION
Administrator (admin token):
  bdg agency create ID --name "Sở Y tế"
  bdg agency token ID [--label LABEL] [--replace]
  bdg agency list
  bdg gateway token [--label LABEL] [--replace]
  bdg grant add --agency A (--level PUBLIC|BASIC | --fields Type.field,…) --purposes p1,p2
                --legal-basis "…" [--valid-from YYYY-MM-DD] [--valid-to YYYY-MM-DD]
  bdg grant list [--agency A]
  bdg grant revoke GRANT_ID

Options:
  --registry URL   the registry (default REGISTRY_URL, else http://127.0.0.1:${DEFAULT_REGISTRY_PORT})
  --token TOKEN    bearer token (default REGISTRY_TOKEN)
  --json           print the registry's JSON answer instead of text
  --schema FILE    a subgraph SDL file; "-" reads standard input
  --force          publish even with breaking changes (never with composition errors)

Exit codes: 0 ok, 1 refused or check failed, 2 usage or connection error.`;

class UsageError extends Error {}

function need(value: string | undefined, what: string): string {
  if (!value) throw new UsageError(`${what} is required`);
  return value;
}

function readSchema(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the schema file ${file}: ${(error as Error).message}`);
  }
}

/**
 * `bdg grant add|list|revoke …` (also `grants`): the grants module's own flags, so it bypasses
 * the parser below; only --registry and --token are taken out first.
 */
async function runGrantCli(argv: string[], io: CliIo): Promise<number> {
  const rest: string[] = [];
  let registry: string | undefined;
  let token: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--registry') registry = argv[++i];
    else if (argv[i] === '--token') token = argv[++i];
    else rest.push(argv[i]);
  }
  const args = rest.slice(rest.findIndex((a) => a === 'grant' || a === 'grants') + 1);
  if (!args[0] || !['add', 'list', 'revoke'].includes(args[0])) {
    io.err(`Unknown command "${rest.join(' ')}"\n\n${USAGE}`);
    return ExitCode.USAGE_OR_CONNECTION;
  }
  try {
    io.out(await grantsCommand(args, { registryUrl: registry ?? io.env.REGISTRY_URL ?? `http://127.0.0.1:${DEFAULT_REGISTRY_PORT}`, token: token ?? io.env.REGISTRY_TOKEN ?? '' }));
    return ExitCode.OK;
  } catch (error) {
    io.err(`Error: ${(error as Error).message}`);
    // A refusal from the registry (invalid grant, unknown id, wrong token) is 1; unreachable is 2.
    return error instanceof TypeError ? ExitCode.USAGE_OR_CONNECTION : ExitCode.REFUSED;
  }
}

/** Runs one CLI command; resolves with the exit code (never calls process.exit). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const first = argv.find((a, i) => !a.startsWith('--') && (i === 0 || !['--registry', '--token'].includes(argv[i - 1])));
  if (first === 'grant' || first === 'grants') return runGrantCli(argv, io);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        registry: { type: 'string' },
        token: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        name: { type: 'string' },
        url: { type: 'string' },
        schema: { type: 'string' },
        force: { type: 'boolean' },
        label: { type: 'string' },
        replace: { type: 'boolean' },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return ExitCode.USAGE_OR_CONNECTION;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    io.out(USAGE);
    return values.help ? ExitCode.OK : ExitCode.USAGE_OR_CONNECTION;
  }
  const client = new RegistryClient(values.registry ?? io.env.REGISTRY_URL ?? `http://127.0.0.1:${DEFAULT_REGISTRY_PORT}`, values.token ?? io.env.REGISTRY_TOKEN);
  const print = (text: string, json: unknown) => io.out(values.json ? JSON.stringify(json, null, 2) : text);
  const [group, command, argument] = positionals;

  try {
    switch (`${group} ${command ?? ''}`.trim()) {
      case 'subgraph publish': {
        const result = await client.publish(need(values.name, '--name'), { sdl: readSchema(need(values.schema, '--schema')), url: values.url, force: values.force === true });
        print(formatPublish(result), result);
        return result.status === 'refused' ? ExitCode.REFUSED : ExitCode.OK;
      }
      case 'subgraph check': {
        const report = await client.check(need(values.name, '--name'), readSchema(need(values.schema, '--schema')), values.url);
        print(formatCheck(report), report);
        return report.accepted ? ExitCode.OK : ExitCode.REFUSED;
      }
      case 'subgraph list': {
        const list = await client.listSubgraphs();
        print(formatSubgraphs(list), list);
        return ExitCode.OK;
      }
      case 'subgraph history': {
        const history = await client.history(need(argument, 'NAME'));
        print(formatHistory(history), history);
        return ExitCode.OK;
      }
      case 'supergraph versions': {
        const list = await client.versions();
        print(formatVersions(list), list);
        return ExitCode.OK;
      }
      case 'supergraph rollback': {
        const version = Number(need(argument, 'VERSION'));
        if (!Number.isInteger(version) || version < 1) throw new UsageError(`VERSION must be a version number, got "${argument}"`);
        const result = await client.rollback(version);
        print(formatRollback(result), result);
        return ExitCode.OK;
      }
      case 'agency create': {
        const result = await client.createAgency(need(argument, 'ID'), need(values.name, '--name'));
        print(`${result.created ? 'Registered' : 'Updated'} agency "${result.agency.id}" (${result.agency.name})`, result);
        return ExitCode.OK;
      }
      case 'agency token': {
        const issued = await client.issueAgencyToken(need(argument, 'ID'), { label: values.label, replace: values.replace === true });
        print(formatToken(issued), issued);
        return ExitCode.OK;
      }
      case 'agency list': {
        const agencies = await client.listAgencies();
        print(formatAgencies(agencies), agencies);
        return ExitCode.OK;
      }
      case 'gateway token': {
        const issued = await client.issueGatewayToken({ label: values.label, replace: values.replace === true });
        print(formatToken(issued), issued);
        return ExitCode.OK;
      }
      default:
        throw new UsageError(`Unknown command "${positionals.join(' ')}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return ExitCode.USAGE_OR_CONNECTION;
    }
    if (error instanceof RegistryClientError) {
      io.err(values.json ? JSON.stringify({ error: { status: error.status ?? null, code: error.code ?? null, message: error.message } }) : `Error${error.code ? ` (${error.code})` : ''}: ${error.message}`);
      // Refusals (bad token, not your subgraph, unknown version) are 1; a bad request, an
      // unreachable or failing registry are 2.
      const refused = error.status !== undefined && [401, 403, 404, 409].includes(error.status);
      return refused ? ExitCode.REFUSED : ExitCode.USAGE_OR_CONNECTION;
    }
    throw error;
  }
}
