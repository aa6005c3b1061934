import { FULL_SCALE, isWellFormedTaxCode, RunningSubgraph, scaled, taxCode, taxCodeCheckDigit } from '../../kit';
import { postGraphQL } from '../../../test/support/graphql-client';
import { allBusinesses, queryData, startBusiness, testScale } from './harness';

const BUSINESS = `query One($taxCode: ID!) {
  business(taxCode: $taxCode) {
    taxCode name legalForm foreignInvested registeredCapitalVnd foundedOn status
    digitalTechnology usesDigitalPlatform usesEInvoice
    industry { code name section } address { id } legalRepresentative { id }
  }
}`;

/** A tax code with the right shape whose check digit is wrong. */
function withWrongCheckDigit(code: string): string {
  const wrong = (Number(code[9]) + 1) % 10;
  return code.slice(0, 9) + String(wrong);
}

describe('Query.business by tax code', () => {
  let running: RunningSubgraph;
  const count = scaled(FULL_SCALE.businesses, testScale());
  beforeAll(async () => {
    running = await startBusiness();
  });
  afterAll(() => running.stop());

  it('returns the seeded business with every contract field', async () => {
    const code = taxCode(count - 1);
    const { business } = await queryData(running, BUSINESS, { taxCode: code });
    expect(business.taxCode).toBe(code);
    expect(business.name).toMatch(/^(Công ty TNHH|Công ty Cổ phần|Doanh nghiệp tư nhân|Công ty Hợp danh) \S/);
    expect(['PRIVATE_ENTERPRISE', 'LIMITED_LIABILITY', 'JOINT_STOCK', 'PARTNERSHIP']).toContain(business.legalForm);
    expect(business.registeredCapitalVnd).toMatch(/^[1-9]\d{8,}$/); // at least 100 million VND, as a string
    expect(business.foundedOn >= '1990-01-01' && business.foundedOn <= '2024-09-30').toBe(true);
    expect(business.industry.code).toMatch(/^\d{4}$/);
    expect(business.industry.section).toMatch(/^[A-U]$/);
    expect(business.address.id).toMatch(/^\d{5}$/);
    expect(business.legalRepresentative.id).toMatch(/^C[0-9A-Z]{7}$/);
  });

  it('returns null for a well-formed tax code that is not registered', async () => {
    const unknown = taxCode(count); // the next code the seed would have issued
    expect(isWellFormedTaxCode(unknown)).toBe(true);
    const response = await postGraphQL(running.url, BUSINESS, { taxCode: unknown });
    expect(response.errors).toBeUndefined();
    expect(response.data.business).toBeNull();
  });

  it.each([
    ['too short', '370010'],
    ['letters', '37A0100013'],
    ['a bad check digit', withWrongCheckDigit(taxCode(0))],
    ['a bad branch suffix', `${taxCode(0)}-000`],
    ['an empty string', ''],
  ])('answers BAD_USER_INPUT for %s', async (_label, value) => {
    const response = await postGraphQL(running.url, BUSINESS, { taxCode: value });
    expect(response.status).toBe(200);
    expect(response.data.business).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors![0].message).toMatch(/10 digits/);
  });

  it('seeds exactly taxCode(0..n-1), each with a valid mod-11 check digit', async () => {
    const { nodes } = await allBusinesses(running);
    const seeded = nodes.map((n) => n.taxCode);
    expect(seeded).toHaveLength(count);
    expect(new Set(seeded)).toEqual(new Set(Array.from({ length: count }, (_, i) => taxCode(i))));
    for (const code of seeded) {
      expect(code).toMatch(/^37\d{8}$/);
      expect(taxCodeCheckDigit(code.slice(0, 9))).toBe(Number(code[9]));
    }
  });

  it('resolves Business entity references by tax code, null for unknown ones', async () => {
    const data = await queryData(
      running,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Business { taxCode name } } }`,
      { r: [{ __typename: 'Business', taxCode: taxCode(1) }, { __typename: 'Business', taxCode: taxCode(count) }, { __typename: 'Business', taxCode: taxCode(0) }] },
    );
    expect(data._entities[0].taxCode).toBe(taxCode(1));
    expect(data._entities[1]).toBeNull();
    expect(data._entities[2].taxCode).toBe(taxCode(0));
  });

  it('lists the VSIC 2018 catalogue: 21 sections, classes by section', async () => {
    const data = await queryData(running, `{ industrySections { letter name } industries(section: "C") { code name section } all: industries { code } }`);
    expect(data.industrySections.map((s: { letter: string }) => s.letter).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    expect(data.industrySections.find((s: { letter: string }) => s.letter === 'C').name).toBe('Công nghiệp chế biến, chế tạo');
    expect(data.industries.length).toBeGreaterThan(20);
    expect(data.industries.every((i: { section: string }) => i.section === 'C')).toBe(true);
    expect(data.industries.map((i: { code: string }) => i.code)).toContain('3100');
    const codes = data.all.map((i: { code: string }) => i.code);
    expect(codes).toEqual([...codes].sort());
    const bad = await postGraphQL(running.url, `{ industries(section: "c") { code } }`);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
