import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, SpanProcessor } from '@opentelemetry/sdk-trace-node';
import type { NextFunction, Request, Response } from 'express';
import { requestContext } from './request-context';

let provider: NodeTracerProvider | undefined;

/**
 * Registers the process's tracer provider once: W3C `traceparent` propagation always (so a
 * trace spans gateway and subgraphs), and an OTLP/HTTP exporter when
 * OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set. Tests pass their
 * own span processor. The gateway's executor reports a `gateway.fetch` span per subgraph call to this provider.
 */
export function initTracing(serviceName: string, extraProcessors: SpanProcessor[] = []): void {
  if (provider) return;
  const processors = [...extraProcessors];
  if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) {
    // Loaded only when exporting: otherwise it and its protobuf stack would hold about 2.4 MiB of heap for nothing.
    const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
    processors.push(new BatchSpanProcessor(new OTLPTraceExporter()));
  }
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME ?? serviceName }),
    spanProcessors: processors,
  });
  provider.register();
}

/** Flushes pending spans (to OTLP) and unregisters; bounded, so an unreachable collector cannot hold a shutdown. */
export async function shutdownTracing(timeoutMs = 3_000): Promise<void> {
  const current = provider;
  provider = undefined;
  if (!current) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([current.shutdown().catch(() => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
  clearTimeout(timer);
}

/** The current trace id, if a span is active. */
export function currentTraceId(): string | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}

/**
 * Adds the active trace context (`traceparent`) and the current request id (`x-request-id`) to
 * outgoing headers, so a subgraph's log lines carry the same ids as the gateway's.
 */
export function injectTraceHeaders(headers: Record<string, string>): void {
  propagation.inject(context.active(), headers);
  const requestId = requestContext.getStore()?.requestId;
  if (requestId) headers['x-request-id'] = requestId;
}

/** Express middleware: a server span per request, child of the caller's `traceparent`. */
export function traceRequests(serviceName: string) {
  const tracer = trace.getTracer(serviceName);
  return (req: Request, res: Response, next: NextFunction): void => {
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer.startSpan(`${req.method} ${req.baseUrl || req.path}`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'url.path': req.originalUrl.split('?')[0] } }, parent);
    res.on('finish', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}
