import { ChangeKind, SchemaChange } from '../checks/types';

const ADDED = new Set([ChangeKind.TYPE_ADDED, ChangeKind.FIELD_ADDED, ChangeKind.ARG_ADDED, ChangeKind.INPUT_FIELD_ADDED, ChangeKind.ENUM_VALUE_ADDED, ChangeKind.UNION_MEMBER_ADDED, ChangeKind.INTERFACE_ADDED]);
const REMOVED = new Set([ChangeKind.TYPE_REMOVED, ChangeKind.FIELD_REMOVED, ChangeKind.ARG_REMOVED, ChangeKind.INPUT_FIELD_REMOVED, ChangeKind.ENUM_VALUE_REMOVED, ChangeKind.UNION_MEMBER_REMOVED, ChangeKind.INTERFACE_REMOVED]);

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** One line for a publish: "population: 2 additions, 1 removal (1 breaking, forced); URL changed". */
export function headline(subgraph: string, changes: SchemaChange[], options: { isNew: boolean; urlChanged: boolean; forced: boolean }): string {
  const added = changes.filter((c) => ADDED.has(c.kind)).length;
  const removed = changes.filter((c) => REMOVED.has(c.kind)).length;
  const other = changes.length - added - removed;
  const breaking = changes.filter((c) => c.breaking).length;
  const parts: string[] = [];
  if (added) parts.push(plural(added, 'addition'));
  if (removed) parts.push(plural(removed, 'removal'));
  if (other) parts.push(plural(other, 'other change'));
  let text = parts.length ? parts.join(', ') : 'no change to the client-facing schema';
  if (breaking) text += ` (${breaking} breaking${options.forced ? ', forced' : ''})`;
  if (options.isNew) text = `new subgraph; ${text}`;
  if (options.urlChanged) text += '; routing URL changed';
  return `${subgraph}: ${text}`;
}
