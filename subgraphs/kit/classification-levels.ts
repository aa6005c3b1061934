import { DirectiveLocation, GraphQLDirective, GraphQLEnumType, GraphQLNonNull } from 'graphql';

/**
 * Classification of every field of the graph (Decree 13/2023): public, basic personal or
 * sensitive personal data, and the `@classified` directive that carries it. Kept apart from the
 * subgraphs' decorators (classification.ts) so that the gateway, which reads classifications
 * but declares none, does not load type-graphql.
 */
export enum DataClass {
  PUBLIC = 'PUBLIC',
  BASIC = 'BASIC',
  SENSITIVE = 'SENSITIVE',
}

/** The spec URL of the `@classified` directive (a custom feature, linked with @link). */
export const CLASSIFICATION_SPEC_URL = 'https://bdg.binhduong.gov.vn/classification/v1.0';
export const CLASSIFIED_DIRECTIVE_NAME = 'classified';

export const DataClassEnum = new GraphQLEnumType({
  name: 'DataClass',
  description: 'Classification of a field under Decree 13/2023 on personal data protection (phân loại dữ liệu).',
  values: {
    PUBLIC: { description: 'Not personal data: readable by anyone, also without a token.' },
    BASIC: { description: 'Basic personal data (dữ liệu cá nhân cơ bản): needs a grant for the basic level or naming the field, and a declared purpose.' },
    SENSITIVE: { description: 'Sensitive personal data (dữ liệu cá nhân nhạy cảm): needs a grant naming the field explicitly, and a declared purpose.' },
  },
});

export const ClassifiedDirective = new GraphQLDirective({
  name: CLASSIFIED_DIRECTIVE_NAME,
  description: 'The data classification of a field, input field or argument; the gateway checks grants against it.',
  locations: [DirectiveLocation.FIELD_DEFINITION, DirectiveLocation.INPUT_FIELD_DEFINITION, DirectiveLocation.ARGUMENT_DEFINITION],
  args: { level: { type: new GraphQLNonNull(DataClassEnum), description: 'PUBLIC, BASIC or SENSITIVE.' } },
});
