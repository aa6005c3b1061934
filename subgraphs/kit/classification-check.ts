import { DocumentNode, Kind, parse, StringValueNode } from 'graphql';
import { CLASSIFIED_DIRECTIVE_NAME, DataClass } from './classification-levels';

/** One subgraph's SDL as the registry or the compose script holds it. */
export interface SubgraphSdl {
  name: string;
  sdl: string;
}

export interface ClassificationReport {
  /** `subgraph: Type.field` for every output field without `@classified`. */
  unclassified: string[];
  /** Fields (or input fields) two subgraphs classify differently. */
  conflicts: { coordinate: string; levels: Record<string, DataClass> }[];
  /** `Type.field` → level, merged over all subgraphs (conflicting coordinates excluded). */
  levels: Record<string, DataClass>;
}

// Federation's own types and fields are not part of the API and carry no classification.
const FEDERATION_TYPE = /^(_Service|_Entity|_Any|link__|join__|federation__)/;
const isFederationField = (type: string, field: string) => type === 'Query' && (field === '_entities' || field === '_service');

/** `Type.field` → level of every `@classified` application in one SDL (output and input fields). */
export function classificationsOf(document: DocumentNode): { levels: Record<string, DataClass>; unclassified: string[] } {
  const levels: Record<string, DataClass> = {};
  const unclassified: string[] = [];
  for (const def of document.definitions) {
    const output = def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.OBJECT_TYPE_EXTENSION || def.kind === Kind.INTERFACE_TYPE_DEFINITION || def.kind === Kind.INTERFACE_TYPE_EXTENSION;
    const input = def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION || def.kind === Kind.INPUT_OBJECT_TYPE_EXTENSION;
    if ((!output && !input) || FEDERATION_TYPE.test(def.name.value)) continue;
    for (const field of def.fields ?? []) {
      const coordinate = `${def.name.value}.${field.name.value}`;
      const directive = field.directives?.find((d) => d.name.value === CLASSIFIED_DIRECTIVE_NAME);
      const arg = directive?.arguments?.find((a) => a.name.value === 'level');
      const value = arg && (arg.value.kind === Kind.ENUM || arg.value.kind === Kind.STRING) ? (arg.value as StringValueNode).value : undefined;
      if (value && (Object.values(DataClass) as string[]).includes(value)) levels[coordinate] = value as DataClass;
      // Input fields without a classification are public filters; only output fields must be classified.
      else if (output && !isFederationField(def.name.value, field.name.value)) unclassified.push(coordinate);
    }
  }
  return { levels, unclassified };
}

/**
 * Lists the fields of a set of subgraphs that have no classification, and the fields that two
 * subgraphs classify differently (composition settles those with a hint only, so the project
 * checks them itself). Used by the schema registry to refuse a publish and by the tests.
 */
export function checkClassification(subgraphs: SubgraphSdl[]): ClassificationReport {
  const bySubgraph: Record<string, Record<string, DataClass>> = {};
  const unclassified: string[] = [];
  for (const { name, sdl } of subgraphs) {
    const result = classificationsOf(parse(sdl));
    bySubgraph[name] = result.levels;
    unclassified.push(...result.unclassified.map((c) => `${name}: ${c}`));
  }
  const seen: Record<string, Record<string, DataClass>> = {};
  for (const [name, levels] of Object.entries(bySubgraph)) {
    for (const [coordinate, level] of Object.entries(levels)) (seen[coordinate] ??= {})[name] = level;
  }
  const conflicts: ClassificationReport['conflicts'] = [];
  const levels: Record<string, DataClass> = {};
  for (const [coordinate, bySub] of Object.entries(seen)) {
    const distinct = new Set(Object.values(bySub));
    if (distinct.size > 1) conflicts.push({ coordinate, levels: bySub });
    else levels[coordinate] = [...distinct][0];
  }
  return { unclassified, conflicts, levels };
}

/** Human-readable problems of a report, one line each; empty when the set is fine. */
export function classificationProblems(report: ClassificationReport): string[] {
  return [
    ...report.unclassified.map((f) => `${f} has no classification: add @Public(), @BasicPersonal() or @SensitivePersonal() (directive @classified)`),
    ...report.conflicts.map((c) => `${c.coordinate} is classified differently: ${Object.entries(c.levels).map(([s, l]) => `${s} ${l}`).join(', ')}`),
  ];
}
