import { ConstDirectiveNode, Kind, parse } from 'graphql';
import { CLASSIFIED_DIRECTIVE_NAME } from '../../../subgraphs/kit/classification-levels';
import { ChangeKind, SchemaChange } from './types';

// The client-facing schema drops composed directives, so the data classification of each field
// (kit/classification.ts, carried into the supergraph by @composeDirective) is read from the
// supergraph itself. Raising a field's class breaks every client whose grant stops covering it.

const RANK: Record<string, number> = { PUBLIC: 0, BASIC: 1, SENSITIVE: 2 };

/** "Type.field" (and "Type.field(arg:)") → classification level, from a supergraph SDL. */
export function classificationsOf(supergraphSdl: string): Map<string, string> {
  const levels = new Map<string, string>();
  const levelOf = (directives: readonly ConstDirectiveNode[] | undefined): string | undefined => {
    const directive = directives?.find((d) => d.name.value === CLASSIFIED_DIRECTIVE_NAME);
    const level = directive?.arguments?.find((a) => a.name.value === 'level')?.value;
    return level?.kind === Kind.ENUM ? level.value : undefined;
  };
  for (const definition of parse(supergraphSdl).definitions) {
    if (!('fields' in definition) || !definition.fields || !('name' in definition)) continue;
    for (const field of definition.fields) {
      const coordinate = `${definition.name.value}.${field.name.value}`;
      const level = levelOf(field.directives);
      if (level) levels.set(coordinate, level);
      for (const arg of 'arguments' in field ? field.arguments ?? [] : []) {
        const argLevel = levelOf(arg.directives);
        if (argLevel) levels.set(`${coordinate}(${arg.name.value}:)`, argLevel);
      }
    }
  }
  return levels;
}

/** Classification changes of coordinates present in both supergraphs. */
export function diffClassifications(oldSupergraphSdl: string | null, newSupergraphSdl: string): SchemaChange[] {
  if (!oldSupergraphSdl) return [];
  const before = classificationsOf(oldSupergraphSdl);
  const after = classificationsOf(newSupergraphSdl);
  const changes: SchemaChange[] = [];
  for (const [coordinate, oldLevel] of before) {
    const newLevel = after.get(coordinate);
    if (!newLevel || newLevel === oldLevel || RANK[newLevel] === undefined || RANK[oldLevel] === undefined) continue;
    const raised = RANK[newLevel] > RANK[oldLevel];
    changes.push({
      kind: raised ? ChangeKind.CLASSIFICATION_RAISED : ChangeKind.CLASSIFICATION_LOWERED,
      coordinate,
      breaking: raised,
      message: `${coordinate} is now classified ${newLevel} (was ${oldLevel})${raised ? ': clients whose grants do not cover it lose access' : ''}`,
    });
  }
  return changes;
}
