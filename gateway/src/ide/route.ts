import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { printSchema, type GraphQLSchema } from 'graphql';
import { ideOutDir } from './build';

/**
 * GET /ide: the GraphQL IDE (app.tsx, built by `npm run build` into dist/ide), its assets under
 * /ide/assets/, and /ide/schema.graphql (the gateway's current API schema, the same text as the
 * published supergraph's API, so the docs work for callers without the introspection scope).
 * A strict Content-Security-Policy keeps every request of the page on this origin.
 */
export const IDE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "connect-src 'self'",
  "script-src 'self'",
  // GraphiQL and CodeMirror position elements with inline styles.
  "style-src 'self' 'unsafe-inline'",
  // GraphiQL's fonts and icons are data: URLs inside its stylesheet.
  "img-src 'self' data:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface IdeRouteOptions {
  /** The gateway's current API schema (undefined before the first supergraph is loaded). */
  schema: () => GraphQLSchema | undefined;
  /** Where the built IDE is (default dist/ide of the package). */
  dir?: string;
}

export function ideRouter(options: IdeRouteOptions): Router {
  const dir = options.dir ?? ideOutDir();
  const router = express.Router();
  router.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', IDE_CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  router.get('/', (_req, res) => {
    const index = path.join(dir, 'index.html');
    if (!existsSync(index)) {
      res.status(404).type('text/plain').send('The IDE is not built: run "npm run build" (it writes dist/ide).\n');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  router.get('/schema.graphql', (_req, res) => {
    const schema = options.schema();
    if (!schema) {
      res.status(503).type('text/plain').send('No supergraph is loaded yet.\n');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.type('text/plain; charset=utf-8').send(printSchema(schema));
  });
  router.use('/assets', express.static(path.join(dir, 'assets'), { index: false, fallthrough: false, maxAge: '1h' }));
  return router;
}
