import { buildSchema, isInputObjectType, isObjectType, parse } from 'graphql';
import { buildFederatedSchema, FULL_SCALE, scaled, unitById, AdministrativeLevel } from '../../kit';
import { subgraph } from '..';
import { BusinessStatus } from '../entities/enums';
import { searchText } from '../../kit/search-text';
import { generateBusinesses } from '../seed/businesses';
import { VSIC_CLASSES, VSIC_SECTIONS } from '../seed/vsic-2018';

// The business part of the API contract, field by field (CONTRACT.graphql, section "business").
const CONTRACT: Record<string, Record<string, string>> = {
  Industry: { code: 'String!', name: 'String!', section: 'String!' },
  Business: {
    taxCode: 'ID!', name: 'String!', legalForm: 'LegalForm!', foreignInvested: 'Boolean!', industry: 'Industry!',
    registeredCapitalVnd: 'BigInt!', foundedOn: 'Date!', status: 'BusinessStatus!', digitalTechnology: 'Boolean!',
    usesDigitalPlatform: 'Boolean!', usesEInvoice: 'Boolean!', address: 'AdministrativeUnit', legalRepresentative: 'Citizen',
  },
  BusinessStats: {
    total: 'Int!', active: 'Int!', digitalTechnology: 'Int!', usingDigitalPlatform: 'Int!', usingEInvoice: 'Int!',
    eInvoiceRate: 'Float', bySection: '[CountByKey!]!',
  },
  BusinessFilter: { addressId: 'ID', status: 'BusinessStatus', section: 'String', digitalTechnology: 'Boolean', nameContains: 'String' },
  BusinessEdge: { cursor: 'String!', node: 'Business!' },
  BusinessConnection: { edges: '[BusinessEdge!]!', pageInfo: 'PageInfo!', totalCount: 'Int!' },
  Citizen: { businesses: '[Business!]' },
  AdministrativeUnit: { businessStats: 'BusinessStats' },
  Query: { business: 'Business', businesses: 'BusinessConnection!' },
};
const CONTRACT_ARGS: Record<string, Record<string, string>> = {
  'Query.business': { taxCode: 'ID!' },
  'Query.businesses': { filter: 'BusinessFilter', first: 'Int', after: 'String' },
  'AdministrativeUnit.businessStats': { scope: 'StatsScope' },
};

describe('business subgraph schema', () => {
  let typeDefs: string;
  beforeAll(async () => {
    typeDefs = (await buildFederatedSchema(subgraph.schema)).typeDefs;
  });

  it('has the contract\'s types, fields, arguments and nullability', () => {
    const schema = buildSchema(typeDefs.replace(/^extend schema @link\([\s\S]*?\)\n/, ''), { assumeValidSDL: true });
    for (const [typeName, fields] of Object.entries(CONTRACT)) {
      const type = schema.getType(typeName);
      expect(type && (isObjectType(type) || isInputObjectType(type))).toBeTruthy();
      const actual = (type as any).getFields();
      for (const [field, expected] of Object.entries(fields)) expect(`${typeName}.${field}: ${String(actual[field]?.type)}`).toBe(`${typeName}.${field}: ${expected}`);
    }
    for (const [path, args] of Object.entries(CONTRACT_ARGS)) {
      const [typeName, field] = path.split('.');
      const actual = (schema.getType(typeName) as any).getFields()[field].args as { name: string; type: unknown; defaultValue: unknown }[];
      for (const [arg, expected] of Object.entries(args)) expect(`${path}(${arg}: ${String(actual.find((a) => a.name === arg)?.type)})`).toBe(`${path}(${arg}: ${expected})`);
    }
    const scope = (schema.getType('AdministrativeUnit') as any).getFields().businessStats.args[0];
    expect(scope.defaultValue).toBe('SUBTREE');
    expect((schema.getType('LegalForm') as any).getValues().map((v: any) => v.name)).toEqual(['PRIVATE_ENTERPRISE', 'LIMITED_LIABILITY', 'JOINT_STOCK', 'PARTNERSHIP']);
    expect((schema.getType('BusinessStatus') as any).getValues().map((v: any) => v.name)).toEqual(['ACTIVE', 'SUSPENDED', 'DISSOLVED']);
    expect(typeDefs).toMatch(/type Business @key\(fields: "taxCode"\)/);
    expect(typeDefs).toMatch(/type Citizen @key\(fields: "id"\)/);
    expect(typeDefs).toMatch(/type AdministrativeUnit @key\(fields: "id"\)/);
  });

  it('describes every type, field, argument and enum value it declares', () => {
    const document = parse(typeDefs);
    const missing: string[] = [];
    for (const definition of document.definitions as any[]) {
      if (!definition.name || definition.kind === 'ScalarTypeDefinition') continue;
      const name = definition.name.value as string;
      // Root operation types cannot carry a description in type-graphql; their fields do.
      if (!definition.description && !['Query', 'Mutation', 'Subscription'].includes(name)) missing.push(name);
      for (const field of definition.fields ?? []) {
        if (!field.description) missing.push(`${name}.${field.name.value}`);
        for (const arg of field.arguments ?? []) if (!arg.description) missing.push(`${name}.${field.name.value}(${arg.name.value})`);
      }
      for (const value of definition.values ?? []) if (!value.description) missing.push(`${name}.${value.name.value}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('business seed', () => {
  it('hits the published counts exactly at every scale', () => {
    for (const scale of [0.0005, 0.002, 0.01, 0.1]) {
      const rows = generateBusinesses(scale);
      expect(rows).toHaveLength(scaled(FULL_SCALE.businesses, scale));
      expect(rows.filter((r) => r.status === BusinessStatus.ACTIVE)).toHaveLength(scaled(FULL_SCALE.activeBusinesses, scale));
      expect(rows.filter((r) => r.digitalTechnology)).toHaveLength(scaled(FULL_SCALE.digitalTechnologyBusinesses, scale));
      expect(rows.filter((r) => r.usesDigitalPlatform)).toHaveLength(scaled(FULL_SCALE.digitalPlatformBusinesses, scale));
    }
  });

  it('is deterministic', () => {
    expect(generateBusinesses(0.003)).toEqual(generateBusinesses(0.003));
  });

  it('generates plausible, consistent rows', () => {
    const rows = generateBusinesses(0.1);
    const classes = new Map(VSIC_CLASSES.map((c) => [c.code, c]));
    const digitalCodes = new Set(VSIC_CLASSES.filter((c) => c.digitalWeight > 0).map((c) => c.code));
    for (const r of rows) {
      const commune = unitById(r.communeId)!;
      expect(commune.level).toBe(AdministrativeLevel.COMMUNE);
      expect(r.districtId).toBe(commune.parentId);
      expect(classes.get(r.industryCode)?.section).toBe(r.industrySection);
      if (r.digitalTechnology) expect(digitalCodes.has(r.industryCode)).toBe(true);
      if (r.status === BusinessStatus.ACTIVE) expect(r.usesEInvoice).toBe(true);
      expect(r.nameSearch).toBe(searchText(r.name));
      expect(r.foundedOn >= '1990-01-01' && r.foundedOn <= '2024-09-30').toBe(true);
      expect(BigInt(r.registeredCapitalVnd) >= 100_000_000n && BigInt(r.registeredCapitalVnd) <= 10_000_000_000_000n).toBe(true);
    }
    const share = (keep: (r: (typeof rows)[number]) => boolean) => rows.filter(keep).length / rows.length;
    expect(share((r) => r.foreignInvested)).toBeGreaterThan(0.06);
    expect(share((r) => r.foreignInvested)).toBeLessThan(0.1);
    expect(share((r) => r.legalForm === 'LIMITED_LIABILITY')).toBeGreaterThan(0.5);
    expect(new Set(rows.map((r) => r.name.toLowerCase())).size).toBe(rows.length);
    // Industrial districts (Thuận An, Dĩ An, Tân Uyên, Bến Cát) hold most enterprises.
    expect(share((r) => ['725', '724', '723', '721'].includes(r.districtId))).toBeGreaterThan(0.6);
  });

  it('catalogues all 21 VSIC sections and unique 4-digit classes', () => {
    expect(VSIC_SECTIONS.map(([letter]) => letter).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    expect(new Set(VSIC_CLASSES.map((c) => c.code)).size).toBe(VSIC_CLASSES.length);
    for (const c of VSIC_CLASSES) expect(c.code).toMatch(/^\d{4}$/);
    expect(new Set(VSIC_CLASSES.map((c) => c.section))).toEqual(new Set(VSIC_SECTIONS.map(([letter]) => letter)));
  });

  it('normalises search text', () => {
    expect(searchText('Công ty TNHH Đồ gỗ Phước Lộc!')).toBe('cong ty tnhh do go phuoc loc');
    expect(searchText('  %_  ')).toBe('');
  });
});

