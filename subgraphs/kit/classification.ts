import { Directive } from 'type-graphql';
import { CLASSIFIED_DIRECTIVE_NAME } from './classification-levels';

export * from './classification-levels';

/**
 * The decorators every subgraph annotates its fields with: `@Public()`, `@BasicPersonal()` or
 * `@SensitivePersonal()` (levels in classification-levels.ts). The directive is linked into each
 * subgraph by kit/federation.ts and carried into the supergraph by `@composeDirective`, where the
 * gateway reads it. A field without a classification is denied by the gateway.
 */

/** Not personal data. */
export const Public = (): MethodDecorator & PropertyDecorator => Directive(`@${CLASSIFIED_DIRECTIVE_NAME}(level: PUBLIC)`);
/** Basic personal data (name, birth date, sex, residence, ID numbers, family relations, …). */
export const BasicPersonal = (): MethodDecorator & PropertyDecorator => Directive(`@${CLASSIFIED_DIRECTIVE_NAME}(level: BASIC)`);
/** Sensitive personal data (ethnic origin, religion, health, biometrics, …). */
export const SensitivePersonal = (): MethodDecorator & PropertyDecorator => Directive(`@${CLASSIFIED_DIRECTIVE_NAME}(level: SENSITIVE)`);
