import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { DirectiveNode, DocumentNode, Kind, parse, print } from 'graphql';
import { standardFile } from './paths';
import { STANDARD_SUBGRAPHS, standardSubgraphSdl } from './sdl';

/** Composes the four standard subgraphs (as schema/compose.ts composes this project's). */
export function composeStandardSupergraph(options: { classified: boolean }): string {
  const result = composeServices(
    STANDARD_SUBGRAPHS.map((name) => ({ name, url: `http://127.0.0.1:0/${name}`, typeDefs: parse(standardSubgraphSdl(name, options)) })),
  );
  if (result.errors) throw new Error(`standard workload: composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  return result.supergraphSdl;
}

/**
 * What decides query planning in a supergraph: each type's and field's `@join__*` directives
 * (routing URLs aside), field types and arguments, and the join spec version. Descriptions,
 * definition order and the `@classified` directive (with its `DataClass` enum) are left out.
 */
export function planningShape(sdl: string): Record<string, string> {
  const doc: DocumentNode = parse(sdl);
  const shape: Record<string, string> = {};
  const joins = (directives: readonly DirectiveNode[] | undefined) =>
    (directives ?? [])
      .filter((d) => d.name.value.startsWith('join__') && d.name.value !== 'join__graph')
      .map((d) => print(d))
      .sort()
      .join(' ');
  for (const def of doc.definitions) {
    if (def.kind === Kind.SCHEMA_DEFINITION) {
      shape['schema'] = (def.directives ?? []).map((d) => print(d)).filter((d) => d.includes('specs.apollo.dev')).sort().join(' ');
      continue;
    }
    if (!('name' in def) || !def.name || def.name.value === 'DataClass') continue;
    const name = def.name.value;
    if (def.kind === Kind.DIRECTIVE_DEFINITION) {
      if (name.startsWith('join__') || name === 'link') shape[`@${name}`] = print({ ...def, description: undefined });
      continue;
    }
    if (def.kind === Kind.ENUM_TYPE_DEFINITION) {
      shape[name] = `enum ${joins(def.directives)} ${(def.values ?? []).map((v) => v.name.value).sort().join(' ')}`;
      continue;
    }
    shape[name] = `${def.kind} ${'directives' in def ? joins(def.directives) : ''}`;
    if ('fields' in def) {
      for (const field of def.fields ?? []) {
        const args = 'arguments' in field ? (field.arguments ?? []).map((a) => print({ ...a, description: undefined })).join(', ') : '';
        shape[`${name}.${field.name.value}`] = `${print(field.type)}(${args}) ${joins(field.directives)}`;
      }
    }
  }
  return shape;
}

/** Differences between two supergraphs' planning shapes ("" when equivalent). */
export function planningDifferences(a: string, b: string): string[] {
  const left = planningShape(a);
  const right = planningShape(b);
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
  return keys.filter((k) => left[k] !== right[k]).map((k) => `${k}: ${left[k] ?? '(absent)'} ≠ ${right[k] ?? '(absent)'}`);
}

/** The shared supergraph of the standard workload. */
export function sharedStandardSupergraph(): string {
  return readFileSync(standardFile('supergraph.graphql'), 'utf8');
}
