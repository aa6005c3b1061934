import type { ApolloServer } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { Request, Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from '../../../subgraphs/kit/logger';
import type { AccessContext, DeferredAccess } from '../plugins/access';
import type { AccessSetup } from '../plugins/access/setup';
import { ExportAccessRecord, REFUSING_RECORDER } from './access-record';
import { columnsOf } from './columns';
import { ExportRunError, Page, PageResponse, walkPages } from './pages';
import { ExportRequest, ExportRequestError, parseExportRequest, readExportParameters } from './request';
import { csvWriter, ndjsonWriter, RowWriter } from './writers';

export interface ExportRouteOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the gateway's server has the default context type
  apollo: ApolloServer<any>;
  /** The schema served now (column types); undefined before the first supergraph loads. */
  schema(): GraphQLSchema | undefined;
  access: Pick<AccessSetup, 'context' | 'store'>;
  maxRows: number;
  log: Logger;
}

// The headers an operation reads besides the token (purpose, strict mode).
const FORWARDED_HEADERS = ['x-purpose', 'x-access-strict'];

function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** Writes with backpressure: waits for 'drain' when the socket buffer is full (or for the client to leave). */
function write(res: Response, chunk: string): Promise<void> | void {
  if (res.write(chunk)) return;
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * POST /export (JSON body) or GET /export?query=…&path=…&format=…&variables=…: runs a query
 * through the gateway's own Apollo server page by page — the same authentication, grants,
 * purpose, limits and rate limit (one token per export) as /graphql — and streams the nodes of
 * one connection as CSV (UTF-8 with BOM, RFC 4180) or NDJSON. Errors before the first byte are
 * HTTP 4xx/5xx with GraphQL-style JSON; after it, one final error line (CSV: a row whose first
 * cell is "#ERROR <code>"; NDJSON: {"error": {code, message}}). One access record per export
 * (see access-record.ts).
 */
export function exportHandler(options: ExportRouteOptions) {
  return async (req: Request, res: Response): Promise<void> => {
    let request: ExportRequest;
    let writer: RowWriter;
    try {
      request = parseExportRequest(readExportParameters(req.method, req.body, req.query as Record<string, unknown>));
      const schema = options.schema();
      if (!schema) return refuse(res, 503, 'SUPERGRAPH_UNAVAILABLE', 'The gateway has not loaded a supergraph yet; retry');
      writer = request.format === 'csv' ? csvWriter(columnsOf(schema, request)) : ndjsonWriter();
    } catch (error) {
      if (error instanceof ExportRequestError) return refuse(res, error.status, error.code, error.message);
      throw error;
    }

    let context: AccessContext;
    try {
      context = await options.access.context({ req });
    } catch (error) {
      const e = error as { message?: string; extensions?: { code?: string; http?: { status?: number } } };
      return refuse(res, e.extensions?.http?.status ?? 401, e.extensions?.code ?? 'UNAUTHENTICATED', e.message ?? 'The token was refused');
    }

    const headers = new HeaderMap([['content-type', 'application/json']]);
    for (const name of FORWARDED_HEADERS) {
      const value = req.headers[name];
      if (typeof value === 'string') headers.set(name, value);
    }
    const deferred: DeferredAccess = { recorder: REFUSING_RECORDER };
    let pageNumber = 0;
    const run = async (variables: Record<string, unknown>): Promise<PageResponse> => {
      const response = await options.apollo.executeOperation(
        { query: request.query, operationName: request.operationName, variables, http: { method: 'POST', headers, search: '', body: undefined } },
        { contextValue: { ...context, exportAccess: deferred, exportPage: pageNumber++ } as AccessContext },
      );
      if (response.body.kind !== 'single') throw new ExportRunError('BAD_REQUEST', 'Incremental delivery (@defer, @stream) cannot be exported', 400);
      return { status: response.http.status, data: response.body.singleResult.data as Record<string, unknown> | null | undefined, errors: response.body.singleResult.errors };
    };

    let rows = 0;
    let clientGone = false;
    res.on('close', () => {
      clientGone = !res.writableFinished;
    });
    let pages = walkPages(run, request.path, request.variables);
    let first: IteratorResult<Page>;
    try {
      // Page 1 with a collecting recorder: it also tells whether personal data may come back.
      const record = new ExportAccessRecord();
      deferred.recorder = record.collecting;
      first = await pages.next();
      const total = first.done ? undefined : first.value.totalCount;
      if (total !== undefined && total > options.maxRows) {
        return refuse(res, 400, 'EXPORT_TOO_LARGE', `The export has ${total} rows, more than the limit of ${options.maxRows} (EXPORT_MAX_ROWS); narrow the filter, e.g. one district or one year at a time`);
      }
      if (deferred.personalAllowed) {
        // Survey pass: run every page, collect whose data it returns, send nothing.
        let surveyed = first.done ? 0 : first.value.nodes.length;
        for await (const page of pages) {
          surveyed += page.nodes.length;
          if (surveyed > options.maxRows) return refuse(res, 400, 'EXPORT_TOO_LARGE', `The export has more than ${options.maxRows} rows (EXPORT_MAX_ROWS); narrow the filter`);
          if (clientGone) return;
        }
        const report = record.report();
        if (report) {
          try {
            await options.access.store.append(report);
          } catch (error) {
            options.log.error({ error: (error as Error)?.name }, 'export access record could not be written: export refused');
            return refuse(res, 503, 'ACCESS_RECORD_UNAVAILABLE', 'The export was refused because its access record could not be written; retry later');
          }
        }
        // Stream pass: a page is sent only when the written record covers it.
        deferred.recorder = record.covering;
        pages = walkPages(run, request.path, request.variables);
        first = await pages.next();
      } else {
        deferred.recorder = REFUSING_RECORDER;
      }
    } catch (error) {
      if (error instanceof ExportRunError) return refuse(res, error.status, error.code, error.message);
      options.log.error({ err: error }, 'export failed before its first byte');
      return refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'The export failed; retry later');
    }

    res.status(200);
    res.setHeader('content-type', writer.contentType);
    res.setHeader('content-disposition', `attachment; filename="export.${writer.extension}"`);
    res.setHeader('cache-control', 'no-store');
    if (!first.done && first.value.totalCount !== undefined) res.setHeader('x-export-total-count', String(first.value.totalCount));
    const send = async (page: Page): Promise<boolean> => {
      if (rows + page.nodes.length > options.maxRows) {
        await write(res, writer.error('EXPORT_TOO_LARGE', `Stopped after ${rows} rows: the limit is ${options.maxRows} (EXPORT_MAX_ROWS)`));
        return false;
      }
      rows += page.nodes.length;
      // One write per page (at most 100 rows): bounded, and fewer syscalls than one per row.
      await write(res, page.nodes.map((node) => writer.row(node)).join(''));
      return !clientGone;
    };
    try {
      await write(res, writer.start());
      let going = first.done ? false : await send(first.value);
      while (going) {
        const next = await pages.next();
        if (next.done) break;
        going = await send(next.value);
      }
    } catch (error) {
      const known = error instanceof ExportRunError;
      if (!known) options.log.error({ err: error }, 'export failed after its first byte');
      if (!clientGone) await write(res, writer.error(known ? error.code : 'INTERNAL_SERVER_ERROR', known ? error.message : 'The export failed; retry later'));
    } finally {
      await pages.return(undefined);
    }
    res.end();
  };
}
