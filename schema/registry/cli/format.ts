import type { CheckReport, SchemaChange } from '../checks/types';
import type { AgencyView, IssuedToken } from '../domain/access';
import type { SubgraphListing } from '../domain/catalog';
import type { PublishResult, RollbackResult } from '../domain/publishing';
import type { VersionView } from '../domain/versions';
import type { WhoAmI } from '../routes/whoami';
import type { HistoryEntry } from './client';

// Plain text for people; `--json` prints the API's answer for scripts instead.

const short = (hash: string | null | undefined) => (hash ? hash.slice(0, 12) : '-');
const local = (iso: string | null | undefined) => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '-');

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')).join('\n');
}

export function formatChanges(changes: SchemaChange[], indent = '  '): string[] {
  return changes.map((c) => `${indent}${c.breaking ? 'BREAKING ' : ''}${c.message}  [${c.kind}]`);
}

/** Everything a check found: errors, changes, the client operations that would break. */
export function formatReport(report: CheckReport): string {
  const lines: string[] = [];
  if (report.errors.length) {
    lines.push(`Errors (${report.errors.length}):`);
    for (const e of report.errors) {
      const where = e.locations?.length ? ` (line ${e.locations[0].line}, column ${e.locations[0].column})` : '';
      lines.push(`  [${e.code}]${e.subgraph ? ` ${e.subgraph}:` : ''} ${e.message}${where}`);
    }
  }
  if (report.changes.length) {
    lines.push(`Changes to the client-facing schema (${report.changes.length}):`, ...formatChanges(report.changes));
  } else if (report.outcome !== 'invalid-sdl' && report.outcome !== 'composition-failed' && report.outcome !== 'classification-failed') {
    lines.push('No change to the client-facing schema.');
  }
  if (report.changes.some((c) => c.breaking)) {
    if (report.affectedOperations.length) {
      lines.push(`Client operations seen in the last ${report.usageWindowDays} days that would break (${report.affectedOperations.length}):`);
      for (const op of report.affectedOperations) {
        const clients = op.clients.map((c) => c || '(unnamed)').join(', ');
        lines.push(`  ${op.operationName ?? '(anonymous)'} [${short(op.signatureHash)}]: ${op.count} run${op.count === 1 ? '' : 's'}, clients: ${clients}, last ${local(op.lastSeenAt)}; uses ${op.coordinates.join(', ')}`);
        lines.push(`    ${op.signature.length > 160 ? `${op.signature.slice(0, 157)}...` : op.signature}`);
      }
    } else {
      lines.push(`No client operation seen in the last ${report.usageWindowDays} days uses what the breaking changes touch.`);
    }
  }
  return lines.join('\n');
}

export function formatCheck(report: CheckReport): string {
  const head = report.accepted
    ? `Check passed for ${report.subgraph}${report.baseVersion ? ` against version ${report.baseVersion}` : ''}: ${report.summary}`
    : `Check FAILED for ${report.subgraph}: ${report.summary}`;
  return [head, formatReport(report)].filter(Boolean).join('\n');
}

export function formatPublish(result: PublishResult): string {
  if (result.status === 'refused') return [`Publish of ${result.report.subgraph} REFUSED: ${result.report.summary}`, formatReport(result.report)].join('\n');
  if (result.status === 'unchanged') return `${result.report.summary}; nothing published`;
  const lines = [`Published ${result.report.subgraph}: supergraph version ${result.version.version} (hash ${short(result.version.hash)}) is now current`, `  ${result.version.summary}`];
  lines.push(...formatChanges(result.report.changes, '  '));
  if (result.signingSecret) {
    lines.push(
      '',
      `Signing secret of subgraph "${result.report.subgraph}" (shown only this once; store it where the subgraph reads it):`,
      `  ${result.signingSecret}`,
    );
  }
  return lines.join('\n');
}

export function formatSubgraphs(list: { currentVersion: number | null; subgraphs: SubgraphListing[] }): string {
  if (list.subgraphs.length === 0) return 'No subgraph has been published yet.';
  const rows = [['NAME', 'AGENCY', 'VERSION', 'PUBLISHED', 'SDL', 'URL']];
  for (const s of list.subgraphs) {
    rows.push([s.name, s.agency, s.publishedInVersion ? String(s.publishedInVersion) : '-', local(s.publishedAt), short(s.sdlHash), s.inCurrentVersion ? s.url ?? '-' : '(not in the current version)']);
  }
  return `Current supergraph version: ${list.currentVersion ?? 'none'}\n${table(rows)}`;
}

export function formatHistory(history: { name: string; agency: string; publishes: HistoryEntry[] }): string {
  const lines = [`History of ${history.name} (owned by ${history.agency}), newest first:`];
  for (const p of history.publishes) {
    lines.push(`  version ${p.version}  ${local(p.publishedAt)}  by ${p.agency} (token "${p.tokenLabel}")${p.forced ? '  FORCED' : ''}  sdl ${short(p.sdlHash)}  ${p.url}`);
    lines.push(`    ${p.summary}`);
    lines.push(...formatChanges(p.changes, '      '));
  }
  return lines.join('\n');
}

export function formatVersions(list: { currentVersion: number | null; versions: VersionView[] }): string {
  if (list.versions.length === 0) return 'No supergraph version yet.';
  const rows = [['', 'VERSION', 'CREATED', 'AUTHOR', 'HASH', 'SUMMARY']];
  for (const v of list.versions) rows.push([v.version === list.currentVersion ? '*' : '', String(v.version), local(v.createdAt), v.author, short(v.hash), v.summary]);
  return `${table(rows)}\n(* = current)`;
}

export function formatRollback(result: RollbackResult): string {
  if (result.status === 'unchanged') return `Version ${result.version.version} is already current; nothing to do`;
  return [`Rolled back: supergraph version ${result.version.version} (hash ${short(result.version.hash)}) is current again (was ${result.previousVersion ?? 'none'})`, ...formatChanges(result.changes)].join('\n');
}

export function formatAgencies(agencies: AgencyView[]): string {
  if (agencies.length === 0) return 'No agency registered yet.';
  return table([['ID', 'NAME', 'SUBGRAPHS'], ...agencies.map((a) => [a.id, a.name, a.subgraphs.join(', ') || '-'])]);
}

export function formatToken(issued: IssuedToken): string {
  const owner = issued.role === 'agency' ? `agency "${issued.agencyId}"` : 'gateways';
  return [`Token for ${owner}, label "${issued.label}"${issued.revoked ? ` (revoked ${issued.revoked} older token${issued.revoked === 1 ? '' : 's'} of that label)` : ''}; shown only this once:`, `  ${issued.token}`].join('\n');
}

/** `bdg whoami`: the registry, who the token is, what it may do, where the token came from. */
export function formatWhoAmI(who: WhoAmI, registry: string, from: string): string {
  const identity =
    who.kind === 'agency'
      ? `agency ${who.agency?.id} (${who.agency?.name}), token label "${who.tokenLabel}"`
      : who.kind === 'gateway'
        ? `gateway token, label "${who.tokenLabel}"`
        : 'the registry administrator (admin token)';
  const lines = [`Registry:    ${registry}`, `Token:       from ${from}`, `Identity:    ${identity}`];
  if (who.kind === 'agency') lines.push(`Subgraphs:   ${who.agency?.subgraphs.length ? who.agency.subgraphs.join(', ') : '(none yet)'}`);
  lines.push('Permissions:', ...who.permissions.map((p) => `  - ${p}`));
  return lines.join('\n');
}
