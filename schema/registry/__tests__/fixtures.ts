import { Kind, parse, print, visit } from 'graphql';

/** Small subgraph schemas of a made-up health agency (Sở Y tế), for the registry's tests. */

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable"])';

/** The classification link and directive every subgraph declares (as the kit's federation.ts prints them). */
export const CLASSIFICATION_HEADER = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable", "@composeDirective"])
extend schema @link(url: "https://bdg.binhduong.gov.vn/classification/v1.0", import: ["@classified"]) @composeDirective(name: "@classified")

enum DataClass { PUBLIC BASIC SENSITIVE }

directive @classified(level: DataClass!) on FIELD_DEFINITION | INPUT_FIELD_DEFINITION | ARGUMENT_DEFINITION
`;

/**
 * The registry refuses unclassified fields: gives every output field without one
 * `@classified(level)` (default PUBLIC; `levels` overrides per "Type.field").
 */
export function classified(sdl: string, levels: Record<string, string> = {}): string {
  const document = parse(sdl.replace(LINK, ''));
  let type = '';
  const withLevels = visit(document, {
    ObjectTypeDefinition: { enter: (node) => void (type = node.name.value) },
    ObjectTypeExtension: { enter: (node) => void (type = node.name.value) },
    FieldDefinition(node) {
      if (node.directives?.some((d) => d.name.value === 'classified')) return undefined;
      const level = levels[`${type}.${node.name.value}`] ?? 'PUBLIC';
      return { ...node, directives: [...(node.directives ?? []), { kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: 'classified' }, arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'level' }, value: { kind: Kind.ENUM, value: level } }] }] };
    },
  });
  return `${CLASSIFICATION_HEADER}\n${print(withLevels)}\n`;
}

export interface HealthSchemaOptions {
  /** Citizen.healthInsuranceNumber present (default true). */
  insuranceNumber?: boolean;
  /** Type of Vaccination.doses (default "Int!"). */
  dosesType?: string;
  /** Arguments of Citizen.vaccinations (default "kind: VaccineKind"). */
  vaccinationArgs?: string;
  /** Values of VaccineKind (default ROUTINE CAMPAIGN). */
  kinds?: string[];
  /** Extra fields of Vaccination. */
  extraVaccinationFields?: string;
  /** Vaccination.doses present (default true). */
  doses?: boolean;
}

export function healthSdl(options: HealthSchemaOptions = {}): string {
  return classified(unclassifiedHealthSdl(options));
}

/** healthSdl without classifications (the registry refuses it). */
export function unclassifiedHealthSdl(options: HealthSchemaOptions = {}): string {
  const { insuranceNumber = true, dosesType = 'Int!', vaccinationArgs = 'kind: VaccineKind', kinds = ['ROUTINE', 'CAMPAIGN'], extraVaccinationFields = '', doses = true } = options;
  return `${LINK}

"""A citizen, owned by the population subgraph; the health agency adds its records."""
type Citizen @key(fields: "id") {
  id: ID!
  ${insuranceNumber ? '"""Health insurance card number (mã thẻ BHYT)."""\n  healthInsuranceNumber: String' : ''}
  """Vaccinations given to this citizen."""
  vaccinations(${vaccinationArgs}): [Vaccination!]!
}

"""A vaccination (tiêm chủng)."""
type Vaccination {
  """Vaccine name."""
  vaccine: String!
  ${doses ? `"""Doses given."""\n  doses: ${dosesType}` : ''}
  """Programme."""
  kind: VaccineKind
  ${extraVaccinationFields}
}

"""Vaccination programme."""
enum VaccineKind {
  ${kinds.join('\n  ')}
}

type Query {
  """One vaccination by id."""
  vaccination(id: ID!): Vaccination
}
`;
}

/** Parses but cannot compose: Citizen.fullName and Business.name redefined with other types, not shareable. */
export const CONFLICTING_SDL = `${LINK}

type Citizen @key(fields: "id") {
  id: ID!
  fullName: Int
}

type Business @key(fields: "taxCode") {
  taxCode: ID!
  name: Int
}
`;

/** Does not parse: a field without a type. */
export const UNPARSABLE_SDL = `${LINK}

type Vaccination {
  vaccine:
}
`;

/** A one-field subgraph: `type Query { <field>: Int }`. */
export function oneFieldSdl(field: string): string {
  return classified(`${LINK}

type Query {
  """A number."""
  ${field}: Int
}
`);
}
