import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { ErrorCode } from './errors';
import { isCalendarDate, vnDateOf, vnDateTimeOf } from './time';

// The contract's scalars, defined here rather than taken from graphql-scalars: its Date
// shifts 2023-12-04T00:30+07:00 to 2023-12-03 and its BigInt serialises to a JSON number.

function invalid(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT } });
}

function literalString(ast: ValueNode, scalar: string): string {
  if (ast.kind !== Kind.STRING) throw invalid(`${scalar} must be written as a string literal`);
  return ast.value;
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw invalid(`Date must be a calendar date "YYYY-MM-DD", got ${JSON.stringify(value)}`);
  }
  return value;
}

/** "YYYY-MM-DD", a calendar date in Asia/Ho_Chi_Minh. Resolvers return a string or a Date (its Vietnamese calendar day). */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'Calendar date in Asia/Ho_Chi_Minh, "YYYY-MM-DD" (ngày).',
  serialize(value) {
    if (value instanceof Date) return vnDateOf(value);
    if (typeof value === 'string' && isCalendarDate(value)) return value;
    throw new GraphQLError(`Date cannot represent ${JSON.stringify(value)}`);
  },
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(literalString(ast, 'Date')),
});

const DATETIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !DATETIME_RE.test(value) || Number.isNaN(Date.parse(value))) {
    throw invalid(`DateTime must be ISO 8601 with an offset, e.g. "2023-12-04T08:30:00+07:00", got ${JSON.stringify(value)}`);
  }
  return new Date(value);
}

/** ISO 8601 with offset, always written in +07:00. Resolvers return a Date or an ISO string. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'Instant as ISO 8601 with offset, written in Asia/Ho_Chi_Minh (+07:00) (thời điểm).',
  serialize(value) {
    const instant = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
    if (!instant || Number.isNaN(instant.getTime())) throw new GraphQLError(`DateTime cannot represent ${JSON.stringify(value)}`);
    return vnDateTimeOf(instant);
  },
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(literalString(ast, 'DateTime')),
});

function parseBigInt(value: unknown): string {
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value).toString();
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  throw invalid(`BigInt must be a decimal string such as "1500000000", got ${JSON.stringify(value)}`);
}

/** Arbitrary-size integer as a decimal string (JSON numbers lose precision past 2^53). */
export const BigIntScalar = new GraphQLScalarType({
  name: 'BigInt',
  description: 'Integer of any size, as a decimal string, e.g. "1500000000".',
  serialize(value) {
    if (typeof value === 'bigint') return value.toString();
    return parseBigInt(value);
  },
  parseValue: parseBigInt,
  parseLiteral(ast) {
    if (ast.kind === Kind.INT || ast.kind === Kind.STRING) return parseBigInt(ast.value);
    throw invalid('BigInt must be a decimal string or an integer literal');
  },
});
