import {
  ConstDirectiveNode,
  DocumentNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLField,
  GraphQLInt,
  GraphQLNamedType,
  GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  parse,
  SelectionSetNode,
  valueFromAST,
  valueFromASTUntyped,
} from 'graphql';
import { BadUserInputError } from '../../../../subgraphs/kit/errors';

/**
 * Static cost analysis with the semantics of the `@cost` / `@listSize` directives (IBM's
 * GraphQL cost specification, as in Apollo's demand control): an object costs its weight (1 by
 * default, scalars and enums 0), a list multiplies the cost of one element by its size, and the
 * size is the value of a slicing argument (`first`) or an assumed size. Weights and sizes come,
 * in this order of precedence, from `fieldRules`, from `@cost`/`@listSize` in the supergraph,
 * and from these defaults: a field with `first` returning a connection sizes its `edges` and
 * `nodes` by `first` (20 when omitted); any other list is assumed to hold `defaultListSize`
 * items. Abstract types add the selections of every possible type (an upper bound).
 */

export interface FieldCostRule {
  /** @cost(weight): cost of the field's value (one element, for a list). */
  weight?: number;
  /** @listSize(assumedSize) */
  assumedSize?: number;
  /** @listSize(slicingArguments): the first one given sets the size. */
  slicingArguments?: string[];
  /** @listSize(sizedFields): child fields (e.g. `edges`) whose size the slicing argument sets. */
  sizedFields?: string[];
}

export interface CostModel {
  /** Rules by "Type.field". */
  fields: Map<string, FieldCostRule>;
  /** @cost on types, by type name. */
  types: Map<string, number>;
}

export interface CostOptions {
  /** Assumed size of a list without a slicing argument. */
  defaultListSize: number;
  /** Size used when a slicing argument is omitted and has no default (the contract's 20). */
  defaultPageSize: number;
  /** Largest `first` accepted: above it (or below 0) is BAD_USER_INPUT, as the contract says. */
  maxPageSize: number;
}

const isDirective = (directive: ConstDirectiveNode, name: string) => directive.name.value === name || directive.name.value.endsWith(`__${name}`);

function argumentOf(directive: ConstDirectiveNode, name: string): unknown {
  const argument = directive.arguments?.find((a) => a.name.value === name);
  return argument ? valueFromASTUntyped(argument.value) : undefined;
}

function ruleFromDirectives(directives: readonly ConstDirectiveNode[] | undefined): FieldCostRule | undefined {
  let rule: FieldCostRule | undefined;
  for (const directive of directives ?? []) {
    if (isDirective(directive, 'cost')) {
      const weight = Number(argumentOf(directive, 'weight'));
      if (Number.isFinite(weight)) rule = { ...rule, weight };
    } else if (isDirective(directive, 'listSize')) {
      const assumedSize = argumentOf(directive, 'assumedSize');
      const slicing = argumentOf(directive, 'slicingArguments');
      const sized = argumentOf(directive, 'sizedFields');
      rule = {
        ...rule,
        ...(typeof assumedSize === 'number' ? { assumedSize } : {}),
        ...(Array.isArray(slicing) ? { slicingArguments: slicing.map(String) } : {}),
        ...(Array.isArray(sized) ? { sizedFields: sized.map(String) } : {}),
      };
    }
  }
  return rule;
}

/** Reads `@cost` and `@listSize` (also when imported under a prefix) from a supergraph's SDL. */
export function costModelFromSdl(sdl: string): CostModel {
  const model: CostModel = { fields: new Map(), types: new Map() };
  for (const definition of parse(sdl, { noLocation: true }).definitions) {
    if (!('name' in definition) || !definition.name || !('directives' in definition)) continue;
    const typeName = definition.name.value;
    const typeWeight = ruleFromDirectives(definition.directives as readonly ConstDirectiveNode[])?.weight;
    if (typeWeight !== undefined) model.types.set(typeName, typeWeight);
    if (!('fields' in definition) || !definition.fields) continue;
    for (const field of definition.fields) {
      const rule = ruleFromDirectives(field.directives);
      if (rule) model.fields.set(`${typeName}.${field.name.value}`, rule);
    }
  }
  return model;
}

function inferredRule(field: GraphQLField<unknown, unknown>, options: CostOptions): FieldCostRule {
  const named = getNamedType(field.type);
  const hasFirst = field.args.some((a) => a.name === 'first');
  if (hasFirst && (isObjectType(named) || isInterfaceType(named)) && named.getFields().edges) {
    return { slicingArguments: ['first'], sizedFields: ['edges', 'nodes'] };
  }
  if (isListType(getNullableType(field.type))) return hasFirst ? { slicingArguments: ['first'] } : { assumedSize: options.defaultListSize };
  return {};
}

/** The estimated cost of an operation for the given variables; throws BAD_USER_INPUT for a page size out of range. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  model: CostModel,
  options: CostOptions,
  fieldRules: Record<string, FieldCostRule> = {},
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const memo = new Map<string, number>();
  const visiting = new Set<string>();

  function ruleOf(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>): FieldCostRule {
    const key = `${parent.name}.${field.name}`;
    return { ...inferredRule(field, options), ...model.fields.get(key), ...fieldRules[key] };
  }

  function sliceSize(field: GraphQLField<unknown, unknown>, node: { arguments?: readonly { name: { value: string }; value: any }[] }, rule: FieldCostRule): number | undefined {
    if (!rule.slicingArguments?.length) return undefined;
    let size: number | undefined;
    for (const name of rule.slicingArguments) {
      const given = node.arguments?.find((a) => a.name.value === name);
      const value = given ? valueFromAST(given.value, GraphQLInt, variables) : undefined;
      if (typeof value === 'number') {
        if (name === 'first' && (value < 0 || value > options.maxPageSize)) {
          throw new BadUserInputError(`"first" must be between 0 and ${options.maxPageSize} (page size; default ${options.defaultPageSize}), got ${value}; page through larger results with "after"`, 'first');
        }
        size ??= value;
      }
    }
    if (size !== undefined) return size;
    const fallback = field.args.find((a) => rule.slicingArguments!.includes(a.name) && typeof a.defaultValue === 'number')?.defaultValue as number | undefined;
    return fallback ?? rule.assumedSize ?? options.defaultPageSize;
  }

  function selectionCost(selectionSet: SelectionSetNode, parent: GraphQLNamedType, sized: Map<string, number> | undefined): number {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) ?? parent : parent;
        total += selectionCost(selection.selectionSet, type, sized);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        total += fragmentCost(selection.name.value, sized);
        continue;
      }
      if (selection.name.value.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      const named = getNamedType(field.type);
      const rule = ruleOf(parent, field);
      const weight = rule.weight ?? model.types.get(named.name) ?? (isCompositeType(named) ? 1 : 0);
      const slice = sliceSize(field, selection, rule);
      const isList = isListType(getNullableType(field.type));
      const size = sized?.get(field.name) ?? (isList ? (slice ?? rule.assumedSize ?? options.defaultListSize) : 1);
      const childSized = slice !== undefined && rule.sizedFields?.length ? new Map(rule.sizedFields.map((f) => [f, slice])) : undefined;
      const children = selection.selectionSet ? selectionCost(selection.selectionSet, named, childSized) : 0;
      total += size * (weight + children);
    }
    return total;
  }

  // Memoised per fragment and sizing context, so fragments spreading fragments stay linear.
  function fragmentCost(name: string, sized: Map<string, number> | undefined): number {
    const key = `${name}|${sized ? JSON.stringify([...sized]) : ''}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment || visiting.has(name)) return 0;
    const type = schema.getType(fragment.typeCondition.name.value);
    if (!type) return 0;
    visiting.add(name);
    const cost = selectionCost(fragment.selectionSet, type, sized);
    visiting.delete(name);
    memo.set(key, cost);
    return cost;
  }

  const root = schema.getRootType(operation.operation);
  return root ? selectionCost(operation.selectionSet, root, undefined) : 0;
}
