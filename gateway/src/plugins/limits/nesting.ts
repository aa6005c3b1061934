import type { NextFunction, Request, Response } from 'express';

/**
 * Deepest bracket nesting ({, [, () of a GraphQL document, outside strings and comments: a
 * cheap bound computed before parsing, because graphql-js overflows its stack near 3,000 levels
 * (well within the token limit) and would answer with a generic parse error.
 */
export function maxNesting(source: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (c === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i += 1;
    } else if (c === '"') {
      if (source.startsWith('"""', i)) {
        const end = source.indexOf('"""', i + 3);
        i = end < 0 ? source.length : end + 2;
      } else {
        for (i += 1; i < source.length && source[i] !== '"' && source[i] !== '\n'; i += 1) if (source[i] === '\\') i += 1;
      }
    } else if (c === '{' || c === '[' || c === '(') {
      depth += 1;
      if (depth > max) max = depth;
    } else if (c === '}' || c === ']' || c === ')') {
      depth -= 1;
    }
  }
  return max;
}

/** The nesting bound applied before parsing: generous next to MAX_DEPTH (arguments nest too). */
export function nestingBound(maxDepth: number): number {
  return Math.max(64, maxDepth * 4);
}

/** Express middleware: refuses a document nested beyond the bound, before Apollo parses it. */
export function refuseDeepNesting(maxDepth: number) {
  const bound = nestingBound(maxDepth);
  return (req: Request, res: Response, next: NextFunction): void => {
    const query = req.method === 'GET' ? req.query?.query : (req.body as { query?: unknown } | undefined)?.query;
    if (typeof query !== 'string') return next();
    const nesting = maxNesting(query);
    if (nesting <= bound) return next();
    // Refused at the parsing stage, like a document over the token limit (GRAPHQL_PARSE_FAILED).
    res.status(400).json({
      errors: [{ message: `Syntax Error: the document nests brackets ${nesting} levels deep, beyond the ${bound} the parser accepts; fields may nest at most ${maxDepth} levels (MAX_DEPTH).`, extensions: { code: 'GRAPHQL_PARSE_FAILED', limit: bound } }],
    });
  };
}
