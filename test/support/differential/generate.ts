import {
  ArgumentNode, DirectiveNode, DocumentNode, FieldNode, FragmentDefinitionNode, getNamedType, GraphQLArgument, GraphQLCompositeType, GraphQLField,
  GraphQLInputType, GraphQLSchema, isAbstractType, isCompositeType, isEnumType, isInputObjectType, isInterfaceType, isLeafType, isListType,
  isNonNullType, isObjectType, isScalarType, Kind, NameNode, OperationDefinitionNode, OperationTypeNode, parse, parseType, SelectionNode, SelectionSetNode,
  ValueNode, VariableDefinitionNode,
} from 'graphql';
import { Random } from './random';

/**
 * Random operations over a schema, for the differential tests of the executor: named fragments
 * and inline fragments on interfaces and unions, fragments spread several times at different
 * depths, aliases of one field with different arguments, `@skip`/`@include` with variables and
 * literals, `__typename` anywhere, introspection mixed into data queries, lists of entities
 * across subgraphs, and argument values that make fields fail (from `Pools`). Every choice comes
 * from `Random`, so a seed gives the same operations.
 */
export interface Pools {
  /** Values of an argument, by `Type.field.argument` or by argument name (the first found). */
  values: Record<string, readonly unknown[]>;
  /** Values an argument may take to fail (BAD_USER_INPUT from a subgraph, or invalid for its type), by the same keys. */
  failing?: Record<string, readonly unknown[]>;
}

export interface GeneratedOperation {
  document: DocumentNode;
  variables: Record<string, unknown>;
}

export interface GenerateOptions {
  maxDepth: number;
  /** Most fields in one operation (keeps answers small). */
  maxFields: number;
  /** Chance that an argument's value is one of its failing values. */
  failureRate: number;
  /** Root fields not to generate (e.g. ones whose answers change between calls). */
  skipRootFields?: ReadonlySet<string>;
}

const DEFAULTS: GenerateOptions = { maxDepth: 4, maxFields: 24, failureRate: 0.04 };

const name = (value: string): NameNode => ({ kind: Kind.NAME, value });

/** A JavaScript value as a GraphQL literal. */
function literal(value: unknown, type: GraphQLInputType): ValueNode {
  if (value === null) return { kind: Kind.NULL };
  if (isNonNullType(type)) return literal(value, type.ofType);
  if (isListType(type)) return { kind: Kind.LIST, values: (Array.isArray(value) ? value : [value]).map((item) => literal(item, type.ofType)) };
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    return { kind: Kind.OBJECT, fields: Object.entries(value as Record<string, unknown>).map(([key, inner]) => ({ kind: Kind.OBJECT_FIELD, name: name(key), value: literal(inner, fields[key].type) })) };
  }
  if (isEnumType(type)) return { kind: Kind.ENUM, value: String(value) };
  if (typeof value === 'boolean') return { kind: Kind.BOOLEAN, value };
  if (typeof value === 'number') return Number.isInteger(value) && type.name !== 'Float' ? { kind: Kind.INT, value: String(value) } : { kind: Kind.FLOAT, value: String(value) };
  return { kind: Kind.STRING, value: String(value) };
}

class Generation {
  private readonly variables: Record<string, unknown> = {};
  private readonly variableDefinitions: VariableDefinitionNode[] = [];
  private readonly fragments: { name: string; definition?: FragmentDefinitionNode; type: GraphQLCompositeType }[] = [];
  private readonly defining = new Set<string>();
  private fields = 0;
  /** Unbounded lists (no `first`) above the selection set being generated. */
  private listsAbove = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly random: Random,
    private readonly pools: Pools,
    private readonly options: GenerateOptions,
  ) {}

  operation(): GeneratedOperation {
    const query = this.schema.getQueryType()!;
    const selections: SelectionNode[] = [];
    const used = new Set<string>();
    const rootFields = Object.values(query.getFields()).filter((field) => !this.options.skipRootFields?.has(field.name));
    const count = this.random.int(1, 3);
    for (let i = 0; i < count; i += 1) selections.push(...this.fieldSelections(query, this.random.pick(rootFields), 0, used));
    if (this.random.chance(0.15)) selections.splice(this.random.int(0, selections.length), 0, this.typename(used));
    if (this.random.chance(0.08)) selections.splice(this.random.int(0, selections.length), 0, this.introspectionField(used));
    const operation = {
      kind: Kind.OPERATION_DEFINITION,
      operation: OperationTypeNode.QUERY,
      name: this.random.chance(0.5) ? name('Generated') : undefined,
      variableDefinitions: this.variableDefinitions,
      selectionSet: { kind: Kind.SELECTION_SET, selections },
    } as const;
    return { document: { kind: Kind.DOCUMENT, definitions: [operation, ...this.fragments.map((f) => f.definition!)] }, variables: this.variables };
  }

  private responseName(wanted: string, used: Set<string>, alias: boolean): string | undefined {
    if (!alias && !used.has(wanted)) {
      used.add(wanted);
      return undefined;
    }
    let index = used.size;
    while (used.has(`${wanted}${index}`)) index += 1;
    used.add(`${wanted}${index}`);
    return `${wanted}${index}`;
  }

  private typename(used: Set<string>): FieldNode {
    const alias = this.responseName('__typename', used, this.random.chance(0.3));
    return { kind: Kind.FIELD, alias: alias ? name(alias.replace(/^__/, 't_')) : undefined, name: name('__typename'), directives: this.directives() };
  }

  private introspectionField(used: Set<string>): FieldNode {
    const named = Object.values(this.schema.getTypeMap()).filter((type) => !type.name.startsWith('__'));
    if (this.random.chance(0.5)) {
      const alias = this.responseName('__type', used, true)!.replace(/^__/, 'i_');
      const typeName = this.random.chance(0.1) ? 'NoSuchType' : this.random.pick(named).name;
      return {
        kind: Kind.FIELD,
        alias: name(alias),
        name: name('__type'),
        arguments: [{ kind: Kind.ARGUMENT, name: name('name'), value: { kind: Kind.STRING, value: typeName } }],
        selectionSet: this.plain(['name', 'kind', this.random.chance(0.5) ? 'description' : '__typename', 'possibleTypes { name }', 'fields(includeDeprecated: true) { name type { name kind ofType { name } } }'].slice(0, this.random.int(1, 5))),
      };
    }
    return { kind: Kind.FIELD, alias: used.has('__schema') ? name(this.responseName('s', used, true)!) : (used.add('__schema'), undefined), name: name('__schema'), selectionSet: this.plain(['queryType { name kind }', 'mutationType { name }', 'directives { name isRepeatable locations }'].slice(0, this.random.int(1, 3))) };
  }

  /** A fixed selection set written as text (introspection parts). */
  private plain(fields: string[]): SelectionSetNode {
    return (parse(`{ ${fields.join(' ')} }`).definitions[0] as OperationDefinitionNode).selectionSet;
  }

  private directives(): DirectiveNode[] | undefined {
    if (!this.random.chance(0.1)) return undefined;
    const directive = this.random.chance(0.5) ? 'include' : 'skip';
    let value: ValueNode;
    if (this.random.chance(0.7)) {
      const variable = `c${this.variableDefinitions.length}`;
      this.variableDefinitions.push({ kind: Kind.VARIABLE_DEFINITION, variable: { kind: Kind.VARIABLE, name: name(variable) }, type: parseType('Boolean!') });
      this.variables[variable] = this.random.chance(0.5);
      value = { kind: Kind.VARIABLE, name: name(variable) };
    } else {
      value = { kind: Kind.BOOLEAN, value: this.random.chance(0.5) };
    }
    return [{ kind: Kind.DIRECTIVE, name: name(directive), arguments: [{ kind: Kind.ARGUMENT, name: name('if'), value }] }];
  }

  private poolOf(table: Record<string, readonly unknown[]> | undefined, coordinate: string, argument: string): readonly unknown[] | undefined {
    return table?.[coordinate] ?? table?.[argument];
  }

  /** A value for an argument or input field, or undefined to leave it out. */
  private value(type: GraphQLInputType, coordinate: string, argument: string, depth = 0): unknown {
    const required = isNonNullType(type);
    if (!required && this.random.chance(0.45)) return undefined;
    const failing = this.poolOf(this.pools.failing, coordinate, argument);
    if (failing && this.random.chance(this.options.failureRate)) return this.random.pick(failing);
    const pool = this.poolOf(this.pools.values, coordinate, argument);
    const named = getNamedType(type);
    const list = isListType(isNonNullType(type) ? type.ofType : type);
    if (pool) return list ? this.random.sample(pool, this.random.int(1, 2)) : this.random.pick(pool);
    if (isInputObjectType(named)) {
      if (depth > 1) return required ? {} : undefined;
      const out: Record<string, unknown> = {};
      for (const field of Object.values(named.getFields())) {
        const inner = this.value(field.type, `${named.name}.${field.name}`, field.name, depth + 1);
        if (inner !== undefined) out[field.name] = inner;
      }
      return list ? [out] : out;
    }
    if (isEnumType(named)) {
      const one = () => this.random.pick(named.getValues()).name;
      return list ? [one()] : one();
    }
    if (isScalarType(named) && named.name === 'Boolean') return this.random.chance(0.5);
    return required ? null : undefined;
  }

  private arguments(parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>): ArgumentNode[] | null {
    const out: ArgumentNode[] = [];
    for (const argument of field.args as readonly GraphQLArgument[]) {
      const value = this.value(argument.type, `${parent.name}.${field.name}.${argument.name}`, argument.name);
      if (value === undefined) continue;
      if (value === null && isNonNullType(argument.type)) return null; // nothing to give a required argument
      let node: ValueNode;
      if (this.random.chance(0.15) && value !== null) {
        const variable = `a${this.variableDefinitions.length}`;
        this.variableDefinitions.push({ kind: Kind.VARIABLE_DEFINITION, variable: { kind: Kind.VARIABLE, name: name(variable) }, type: parseType(String(argument.type)) });
        this.variables[variable] = value;
        node = { kind: Kind.VARIABLE, name: name(variable) };
      } else {
        node = literal(value, argument.type);
      }
      out.push({ kind: Kind.ARGUMENT, name: name(argument.name), value: node });
    }
    return out;
  }

  /** One field, sometimes twice under two aliases with other arguments. */
  private fieldSelections(parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>, depth: number, used: Set<string>): FieldNode[] {
    const copies = field.args.length > 0 && this.random.chance(0.12) ? 2 : 1;
    const out: FieldNode[] = [];
    for (let i = 0; i < copies; i += 1) {
      const args = this.arguments(parent, field);
      if (!args) continue;
      const type = getNamedType(field.type);
      let selectionSet: SelectionSetNode | undefined;
      if (isCompositeType(type)) {
        const unbounded = this.unbounded(parent, field);
        if (unbounded) this.listsAbove += 1;
        selectionSet = this.selectionSet(type, depth + 1);
        if (unbounded) this.listsAbove -= 1;
      }
      const alias = this.responseName(field.name, used, copies > 1 || this.random.chance(0.1));
      this.fields += 1;
      out.push({ kind: Kind.FIELD, alias: alias ? name(alias) : undefined, name: name(field.name), arguments: args, directives: this.directives(), selectionSet });
    }
    return out;
  }

  /** A list of objects not bounded by a `first` (a connection's edges are bounded by the connection's). */
  private unbounded(parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>): boolean {
    let type = field.type;
    if (isNonNullType(type)) type = type.ofType;
    return isListType(type) && !field.args.some((a) => a.name === 'first') && !parent.name.endsWith('Connection');
  }

  /**
   * The fields to choose from: under an unbounded list, no second one and no field with
   * arguments (aggregates computed per element), so that answers stay small and fast.
   */
  private fieldsOf(type: GraphQLCompositeType): GraphQLField<unknown, unknown>[] {
    const fields = isObjectType(type) || isInterfaceType(type) ? Object.values(type.getFields()) : [];
    if (this.listsAbove === 0) return fields;
    return fields.filter((field) => field.args.length === 0 && !(isCompositeType(getNamedType(field.type)) && this.unbounded(type, field)));
  }

  selectionSet(type: GraphQLCompositeType, depth: number, used = new Set<string>()): SelectionSetNode {
    const selections: SelectionNode[] = [];
    const budgetLeft = this.fields < this.options.maxFields;
    const atBottom = depth >= this.options.maxDepth || !budgetLeft;
    const fields = this.fieldsOf(type);
    const leaves = fields.filter((field) => isLeafType(getNamedType(field.type)) && field.args.every((a) => !isNonNullType(a.type)));
    if (atBottom) {
      if (leaves.length > 0 && this.random.chance(0.7)) selections.push(...this.fieldSelections(type, this.random.pick(leaves), depth, used));
      else selections.push(this.typename(used));
      return { kind: Kind.SELECTION_SET, selections };
    }
    const count = this.random.int(1, 4);
    for (let i = 0; i < count; i += 1) {
      const roll = this.random.next();
      if (roll < 0.1) selections.push(this.typename(used));
      else if (roll < 0.22 && (isAbstractType(type) || this.random.chance(0.4))) selections.push(this.inlineFragment(type, depth, used));
      else if (roll < 0.36) {
        const spread = this.fragmentSpread(type, depth);
        if (spread) selections.push(spread);
      } else if (fields.length > 0) {
        selections.push(...this.fieldSelections(type, this.random.pick(fields), depth, used));
      } else {
        selections.push(this.inlineFragment(type, depth, used));
      }
    }
    if (selections.length === 0) selections.push(this.typename(used));
    return { kind: Kind.SELECTION_SET, selections };
  }

  /** Types a fragment inside a selection of `type` may be on. */
  private fragmentTypes(type: GraphQLCompositeType): GraphQLCompositeType[] {
    const out: GraphQLCompositeType[] = [type];
    if (isAbstractType(type)) out.push(...this.schema.getPossibleTypes(type));
    if (isObjectType(type)) {
      out.push(...type.getInterfaces());
      for (const candidate of Object.values(this.schema.getTypeMap())) if (isAbstractType(candidate) && !candidate.name.startsWith('__') && this.schema.isSubType(candidate, type)) out.push(candidate);
    }
    return out;
  }

  private inlineFragment(type: GraphQLCompositeType, depth: number, used: Set<string>): SelectionNode {
    const on = this.random.chance(0.85) ? this.random.pick(this.fragmentTypes(type)) : undefined;
    // Its own response names: a sibling field of the same name would have to merge with it.
    const inner = on && on !== type ? new Set<string>(used) : used;
    return {
      kind: Kind.INLINE_FRAGMENT,
      typeCondition: on ? { kind: Kind.NAMED_TYPE, name: name(on.name) } : undefined,
      directives: this.directives(),
      selectionSet: this.selectionSet(on ?? type, depth, inner),
    };
  }

  private fragmentSpread(type: GraphQLCompositeType, depth: number): SelectionNode | undefined {
    const applicable = new Set(this.fragmentTypes(type).map((t) => t.name));
    const existing = this.fragments.filter((f) => applicable.has(f.type.name) && !this.defining.has(f.name));
    let fragmentName: string;
    if (existing.length > 0 && this.random.chance(0.6)) {
      fragmentName = this.random.pick(existing).name;
    } else {
      const on = this.random.pick(this.fragmentTypes(type));
      fragmentName = `F${this.fragments.length}`;
      this.defining.add(fragmentName);
      const entry: (typeof this.fragments)[number] = { name: fragmentName, type: on };
      this.fragments.push(entry);
      entry.definition = { kind: Kind.FRAGMENT_DEFINITION, name: name(fragmentName), typeCondition: { kind: Kind.NAMED_TYPE, name: name(on.name) }, selectionSet: this.selectionSet(on, depth) };
      this.defining.delete(fragmentName);
    }
    return { kind: Kind.FRAGMENT_SPREAD, name: name(fragmentName), directives: this.directives() };
  }
}

export function generateOperation(schema: GraphQLSchema, random: Random, pools: Pools, options: Partial<GenerateOptions> = {}): GeneratedOperation {
  return new Generation(schema, random, pools, { ...DEFAULTS, ...options }).operation();
}
