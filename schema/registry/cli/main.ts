import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { grantsCommand } from '../../grants/cli';
import { DEFAULT_REGISTRY_PORT } from '../config';
import type { WhoAmI } from '../routes/whoami';
import { RegistryClient, RegistryClientError } from './client';
import { configFile, CredentialsError, howToGetAToken, localRegistryUrl, normalizeUrl, readLogin, removeLogin, ResolvedCredentials, resolveCredentials, saveLogin } from './credentials';
import { formatAgencies, formatCheck, formatHistory, formatPublish, formatRollback, formatSubgraphs, formatToken, formatVersions, formatWhoAmI } from './format';

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

Your token:
  bdg login --token TOKEN [--registry URL]   store a token (and its registry) for later commands
                                             ("--token -" reads it from standard input)
  bdg logout                                 remove the stored token
  bdg whoami                                 the token in use: its agency, what it may do, where it came from
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
  bdg grant add --agency A (--level PUBLIC|BASIC | --fields Type.field,… | --acts-for 721,25741) --purposes p1,p2
                --legal-basis "…" [--valid-from YYYY-MM-DD] [--valid-to YYYY-MM-DD]
  bdg grant list [--agency A]
  bdg grant revoke GRANT_ID

Options:
  --registry URL   the registry (default REGISTRY_URL, else the one of bdg login, else the local
                   registry of npm start, http://127.0.0.1:${DEFAULT_REGISTRY_PORT})
  --token TOKEN    bearer token (default REGISTRY_TOKEN, else the one bdg login stored for that
                   registry, else, for the local registry of npm start, its admin token from
                   <DATA_DIR>/registry-admin-token)
  --json           print the registry's JSON answer instead of text
  --schema FILE    a subgraph SDL file; "-" reads standard input
  --force          publish even with breaking changes (never with composition errors)

Files: bdg login keeps the token in $BDG_CONFIG_DIR/config.json (default
$XDG_CONFIG_HOME/bdg, else ~/.config/bdg), readable by you only.

Exit codes: 0 ok, 1 refused or check failed, 2 usage or connection error.`;

class UsageError extends Error {}

/** `bdg login --token -`: the token from standard input (so that it stays out of the shell's history). */
function readToken(): string {
  let text: string;
  try {
    text = readFileSync(0, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the token from standard input: ${(error as Error).message}`);
  }
  const token = text.trim();
  if (!token) throw new UsageError('--token - read no token from standard input');
  return token;
}

function principalName(who: WhoAmI): string {
  if (who.kind === 'agency') return who.agency?.id ?? 'agency';
  return who.kind === 'gateway' ? `gateway:${who.tokenLabel ?? ''}` : 'admin';
}

function describePrincipal(who: WhoAmI): string {
  if (who.kind === 'agency') return `agency ${who.agency?.id} (${who.agency?.name})`;
  if (who.kind === 'gateway') return `a gateway (token "${who.tokenLabel}")`;
  return 'the registry administrator (admin token)';
}

/** A 401 explained: no token, and how to get one; or which token was refused, and what to do. */
function unauthenticatedMessage(credentials: ResolvedCredentials, registryMessage: string, login: boolean, env: Record<string, string | undefined>): string {
  if (credentials.source === 'none' || !credentials.token) {
    return `no token for the registry at ${credentials.url} (it answered: ${registryMessage})\n${howToGetAToken(credentials, env)}`;
  }
  const advice: Record<ResolvedCredentials['source'], string> = {
    flag: login ? 'Nothing was stored. Check the token; the registry administrator issues agency tokens with: bdg agency token <agency> --label <label>' : 'Check --token; the registry administrator issues agency tokens with: bdg agency token <agency> --label <label>',
    env: 'Check REGISTRY_TOKEN (unset it to use the token of bdg login); the registry administrator issues agency tokens with: bdg agency token <agency> --label <label>',
    login: 'Log in again with: bdg login --token <token>  (or remove the stored token: bdg logout)',
    'local-admin': `Is the registry at ${credentials.url} the one npm start started with this DATA_DIR? Restart it with npm start, or set REGISTRY_TOKEN`,
    none: '',
  };
  return `the registry at ${credentials.url} refused the token from ${credentials.from}: ${registryMessage}\n${advice[credentials.source]}`;
}

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
  let credentials: ResolvedCredentials;
  try {
    credentials = await resolveCredentials({ registry, token }, io.env);
  } catch (error) {
    if (!(error instanceof CredentialsError)) throw error;
    io.err(error.message);
    return ExitCode.USAGE_OR_CONNECTION;
  }
  if (credentials.notice) io.err(credentials.notice);
  try {
    io.out(await grantsCommand(args, { registryUrl: credentials.url, token: credentials.token ?? '' }));
    return ExitCode.OK;
  } catch (error) {
    io.err(`Error: ${(error as Error).message}`);
    if (credentials.source === 'none' && !(error instanceof TypeError)) io.err(`(no token was sent to the registry at ${credentials.url})\n${howToGetAToken(credentials, io.env)}`);
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
  const print = (text: string, json: unknown) => io.out(values.json ? JSON.stringify(json, null, 2) : text);
  const [group, command, argument] = positionals;
  // Resolved when a command first needs the registry (so that a usage error asks nothing), once:
  // the notice about the local admin token is printed at most once per invocation.
  let credentials: ResolvedCredentials | undefined;
  let connected: RegistryClient | undefined;
  const connect = async (): Promise<RegistryClient> => {
    if (connected) return connected;
    credentials = await resolveCredentials({ registry: values.registry, token: values.token }, io.env);
    if (credentials.notice) io.err(credentials.notice);
    connected = new RegistryClient(credentials.url, credentials.token);
    return connected;
  };
  // The client of the command (resolved on first use), e.g. `(await client()).listSubgraphs()`.
  const client = connect;

  try {
    switch (`${group} ${command ?? ''}`.trim()) {
      case 'login': {
        const token = values.token === '-' ? readToken() : need(values.token, '--token');
        const url = normalizeUrl(values.registry || io.env.REGISTRY_URL || localRegistryUrl(io.env));
        credentials = { url, token, source: 'flag', from: 'bdg login --token' };
        // Asked first: a token the registry does not know is not stored.
        const who = await new RegistryClient(url, token).whoami();
        const file = saveLogin(io.env, { registry: url, token, principal: principalName(who), savedAt: new Date().toISOString() });
        print(`Logged in to ${url} as ${describePrincipal(who)}; the token is stored in ${file} (readable by you only)`, { registry: url, file, whoami: who });
        return ExitCode.OK;
      }
      case 'logout': {
        let stored;
        try {
          stored = readLogin(io.env);
        } catch {
          stored = undefined; // an unreadable file is removed all the same
        }
        const file = removeLogin(io.env);
        print(file ? `Logged out${stored ? ` of ${stored.registry}` : ''}: removed ${file}` : `Not logged in (no ${configFile(io.env)})`, { removed: file ?? null, registry: stored?.registry ?? null });
        return ExitCode.OK;
      }
      case 'whoami': {
        const who = await (await client()).whoami();
        const used = credentials!;
        print(formatWhoAmI(who, used.url, used.from), { ...who, registry: used.url, tokenSource: used.source, tokenFrom: used.from });
        return ExitCode.OK;
      }
      case 'subgraph publish': {
        const name = need(values.name, '--name');
        const sdl = readSchema(need(values.schema, '--schema'));
        const result = await (await client()).publish(name, { sdl, url: values.url, force: values.force === true });
        print(formatPublish(result), result);
        return result.status === 'refused' ? ExitCode.REFUSED : ExitCode.OK;
      }
      case 'subgraph check': {
        const name = need(values.name, '--name');
        const sdl = readSchema(need(values.schema, '--schema'));
        const report = await (await client()).check(name, sdl, values.url);
        print(formatCheck(report), report);
        return report.accepted ? ExitCode.OK : ExitCode.REFUSED;
      }
      case 'subgraph list': {
        const list = await (await client()).listSubgraphs();
        print(formatSubgraphs(list), list);
        return ExitCode.OK;
      }
      case 'subgraph history': {
        const name = need(argument, 'NAME');
        const history = await (await client()).history(name);
        print(formatHistory(history), history);
        return ExitCode.OK;
      }
      case 'supergraph versions': {
        const list = await (await client()).versions();
        print(formatVersions(list), list);
        return ExitCode.OK;
      }
      case 'supergraph rollback': {
        const version = Number(need(argument, 'VERSION'));
        if (!Number.isInteger(version) || version < 1) throw new UsageError(`VERSION must be a version number, got "${argument}"`);
        const result = await (await client()).rollback(version);
        print(formatRollback(result), result);
        return ExitCode.OK;
      }
      case 'agency create': {
        const id = need(argument, 'ID');
        const name = need(values.name, '--name');
        const result = await (await client()).createAgency(id, name);
        print(`${result.created ? 'Registered' : 'Updated'} agency "${result.agency.id}" (${result.agency.name})`, result);
        return ExitCode.OK;
      }
      case 'agency token': {
        const id = need(argument, 'ID');
        const issued = await (await client()).issueAgencyToken(id, { label: values.label, replace: values.replace === true });
        print(formatToken(issued), issued);
        return ExitCode.OK;
      }
      case 'agency list': {
        const agencies = await (await client()).listAgencies();
        print(formatAgencies(agencies), agencies);
        return ExitCode.OK;
      }
      case 'gateway token': {
        const issued = await (await client()).issueGatewayToken({ label: values.label, replace: values.replace === true });
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
    if (error instanceof CredentialsError) {
      io.err(error.message);
      return ExitCode.USAGE_OR_CONNECTION;
    }
    if (error instanceof RegistryClientError) {
      let message = error.status === 401 && credentials ? unauthenticatedMessage(credentials, error.message, group === 'login', io.env) : error.message;
      if (error.status === undefined && credentials?.localTokenFile) message += ' (the local registry starts with: npm start)';
      io.err(values.json ? JSON.stringify({ error: { status: error.status ?? null, code: error.code ?? null, message } }) : `Error${error.code ? ` (${error.code})` : ''}: ${message}`);
      // Refusals (bad token, not your subgraph, unknown version) are 1; a bad request, an
      // unreachable or failing registry are 2.
      const refused = error.status !== undefined && [401, 403, 404, 409].includes(error.status);
      return refused ? ExitCode.REFUSED : ExitCode.USAGE_OR_CONNECTION;
    }
    throw error;
  }
}
