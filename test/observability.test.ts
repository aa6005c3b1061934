import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { RunningGateway } from '../gateway/src/gateway';
import { BUILT_IN_SUBGRAPHS } from '../subgraphs/catalog';
import { initTracing, shutdownTracing } from '../subgraphs/kit/telemetry';
import { grantedHeaders, testAccessConfig } from './support/access';
import { FaultProxy, startFaultProxy } from './support/fault-proxy';
import { baseOf, gatewayOver, startSubgraphs, Subgraphs } from './support/gateway-over';
import { postGraphQL } from './support/graphql-client';
import { eventually, startSystemProcesses, SystemProcesses } from './support/processes';

// Point 4 of issue #8: OpenTelemetry traces that span gateway and subgraphs (W3C traceparent),
// Prometheus metrics with bounded labels, and JSON logs with a request id and a trace id and
// no personal data (the logs of real processes).

const DASHBOARD = /* GraphQL */ `
  query Dashboard($id: ID!) {
    administrativeUnit(id: $id) { name population businessStats { total } dossierStats { total } indicators { latest { value } } }
  }`;

describe('in process: traces and metrics', () => {
  const exporter = new InMemorySpanExporter();
  let subgraphs: Subgraphs;
  let proxy: FaultProxy;
  let gateway: RunningGateway;

  beforeAll(async () => {
    initTracing('observability-test', [new SimpleSpanProcessor(exporter)]);
    subgraphs = await startSubgraphs();
    proxy = await startFaultProxy(subgraphs.urls.business);
    gateway = await gatewayOver(subgraphs, { subgraphUrls: { business: proxy.url } });
  });
  afterAll(async () => {
    await gateway?.stop();
    await proxy?.close();
    await subgraphs?.stop();
    await shutdownTracing();
  });

  test("one trace spans the gateway and every subgraph it calls, continuing the caller's traceparent", async () => {
    exporter.reset();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const callerSpanId = '00f067aa0ba902b7';
    const res = await postGraphQL(gateway.url, DASHBOARD, { id: '721' }, { traceparent: `00-${traceId}-${callerSpanId}-01` });
    expect(res.errors).toBeUndefined();

    const isServer = (s: ReadableSpan, scope: string) => s.instrumentationScope.name === scope && s.kind === 1; /* SpanKind.SERVER */
    const spans = await eventually(() => {
      const finished = exporter.getFinishedSpans();
      return finished.some((s) => isServer(s, 'gateway')) ? finished : undefined;
    });
    const gatewaySpan = spans.find((s) => isServer(s, 'gateway'))!;
    expect(gatewaySpan.spanContext().traceId).toBe(traceId);
    expect(gatewaySpan.parentSpanContext?.spanId).toBe(callerSpanId);

    const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
    const ancestors = (span: ReadableSpan) => {
      const chain: string[] = [];
      for (let parent = span.parentSpanContext?.spanId; parent && chain.length < 50; parent = byId.get(parent)?.parentSpanContext?.spanId) chain.push(parent);
      return chain;
    };
    // population, business, dossiers and indicators each answered a fetch of this operation.
    const called = ['population', 'business', 'dossiers', 'indicators'];
    for (const name of called) {
      const serverSpans = spans.filter((s) => isServer(s, name));
      expect([name, serverSpans.length > 0]).toEqual([name, true]);
      for (const span of serverSpans) {
        expect(span.spanContext().traceId).toBe(traceId);
        // Its parent is the gateway's fetch span, which descends from the gateway's server span.
        expect(byId.get(span.parentSpanContext!.spanId)?.name).toBe('gateway.fetch');
        expect(ancestors(span)).toContain(gatewaySpan.spanContext().spanId);
      }
    }
  });

  /** The samples of a Prometheus text exposition: name, labels, value. */
  async function scrape(url: string) {
    const response = await fetch(url);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    return text
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => {
        const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line)!;
        const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
        return { name: match[1], labels, value: Number(match[3]) };
      });
  }
  const sample = (samples: Awaited<ReturnType<typeof scrape>>, name: string, labels: Record<string, string> = {}) =>
    samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)).reduce((sum, s) => sum + s.value, 0);

  test('gateway /metrics: requests, errors and latency per operation and per subgraph, circuit state, supergraph version, document cache hits', async () => {
    for (let i = 0; i < 3; i += 1) expect((await postGraphQL(gateway.url, DASHBOARD, { id: '721' })).errors).toBeUndefined();
    proxy.mode = 'html-500';
    const failed = await postGraphQL(gateway.url, DASHBOARD, { id: '721' });
    proxy.mode = 'pass';
    expect(failed.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_BAD_RESPONSE');

    const samples = await scrape(`${baseOf(gateway.url)}/metrics`);
    expect(sample(samples, 'graphql_requests_total', { operation: 'Dashboard', outcome: 'ok' })).toBeGreaterThanOrEqual(3);
    expect(sample(samples, 'graphql_requests_total', { operation: 'Dashboard', outcome: 'error' })).toBeGreaterThanOrEqual(1);
    expect(sample(samples, 'graphql_errors_total', { operation: 'Dashboard', code: 'SUBGRAPH_BAD_RESPONSE' })).toBeGreaterThanOrEqual(1);
    expect(sample(samples, 'graphql_request_duration_seconds_count', { operation: 'Dashboard' })).toBeGreaterThanOrEqual(4);
    expect(sample(samples, 'graphql_request_duration_seconds_bucket', { operation: 'Dashboard', le: '+Inf' })).toBeGreaterThanOrEqual(4);
    for (const subgraph of ['population', 'business', 'dossiers', 'indicators']) {
      expect([subgraph, sample(samples, 'subgraph_request_duration_seconds_count', { subgraph })]).toEqual([subgraph, expect.any(Number)]);
      expect(sample(samples, 'subgraph_request_duration_seconds_count', { subgraph })).toBeGreaterThanOrEqual(4);
      expect(samples.some((s) => s.name === 'subgraph_circuit_state' && s.labels.subgraph === subgraph && s.value === 0)).toBe(true);
    }
    expect(sample(samples, 'subgraph_request_failures_total', { subgraph: 'business', code: 'SUBGRAPH_BAD_RESPONSE' })).toBeGreaterThanOrEqual(1);
    expect(sample(samples, 'subgraph_requests_total', { subgraph: 'business', outcome: 'ok' })).toBeGreaterThanOrEqual(3);
    const versions = samples.filter((s) => s.name === 'supergraph_info' && s.value === 1);
    expect(versions).toHaveLength(1);
    expect(versions[0].labels.version).toMatch(/^[0-9a-f]{12}$/);
    // The same document four times: parsed once, then served from the document cache.
    expect(sample(samples, 'graphql_document_cache_total', { result: 'hit' })).toBeGreaterThanOrEqual(3);
    expect(sample(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  test('label cardinality stays bounded whatever operation names clients choose', async () => {
    await Promise.all(Array.from({ length: 150 }, (_, i) => postGraphQL(gateway.url, `query Op${i}x${'y'.repeat(i % 7)} { sectors { code } }`)));
    const samples = await scrape(`${baseOf(gateway.url)}/metrics`);
    const operations = new Set(samples.filter((s) => s.name === 'graphql_requests_total').map((s) => s.labels.operation));
    expect(operations.size).toBeLessThanOrEqual(101);
    expect(operations.has('other')).toBe(true);
    expect(sample(samples, 'graphql_requests_total', { operation: 'other' })).toBeGreaterThanOrEqual(150 - 100);
    expect(samples.length).toBeLessThan(5_000);
  });

  test('subgraph /metrics: requests and latency, with the process metrics', async () => {
    for (const s of subgraphs.running.filter((r) => r.name !== 'access')) {
      const samples = await scrape(`${baseOf(s.url)}/metrics`);
      expect([s.name, sample(samples, 'graphql_requests_total', { service: s.name })]).toEqual([s.name, expect.any(Number)]);
      expect(sample(samples, 'graphql_requests_total', { service: s.name })).toBeGreaterThan(0);
      expect(sample(samples, 'graphql_request_duration_seconds_count')).toBeGreaterThan(0);
      expect(sample(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    }
  });
});

describe('real processes: logs and OTLP export', () => {
  let system: SystemProcesses;
  /** A stand-in OpenTelemetry collector: keeps every OTLP/HTTP JSON export it receives. */
  const exports: { path: string; body: any }[] = [];
  const collector = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    exports.push({ path: req.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });

  beforeAll(async () => {
    await new Promise<void>((r) => collector.listen(0, '127.0.0.1', r));
    const otel = { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`, OTEL_BSP_SCHEDULE_DELAY: '200' };
    // The gateway process trusts this test file's token key and grants, like the in-process stack.
    const { auth, grantsFile } = await testAccessConfig({ kind: 'sqlite', file: '/dev/null' });
    system = await startSystemProcesses({
      gatewayEnv: { LOG_LEVEL: 'info', AUTH_PUBLIC_KEYS: auth.publicKeyFiles!.join(','), AUTH_ISSUER: auth.issuer, AUTH_AUDIENCE: auth.audience, GRANTS_FILE: grantsFile, ...otel },
      subgraphEnv: { LOG_LEVEL: 'info', ...otel },
    });
  });
  afterAll(async () => {
    await system?.stop();
    collector.closeAllConnections();
    await new Promise((r) => collector.close(r));
  });

  test('with OTEL_EXPORTER_OTLP_ENDPOINT set, gateway and subgraphs export the spans of one trace over OTLP/HTTP', async () => {
    const traceId = 'aaf92f3577b34da6a3ce929d0e0e4736';
    const res = await postGraphQL(system.gateway.url, DASHBOARD, { id: '721' }, { traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
    expect(res.errors).toBeUndefined();
    const servicesWithTrace = () => {
      const services = new Set<string>();
      for (const { path, body } of exports) {
        if (path !== '/v1/traces') continue;
        for (const rs of body.resourceSpans ?? []) {
          const service = rs.resource?.attributes?.find((a: any) => a.key === 'service.name')?.value?.stringValue;
          if (rs.scopeSpans?.some((ss: any) => ss.spans?.some((span: any) => span.traceId === traceId))) services.add(service);
        }
      }
      return services;
    };
    const services = await eventually(() => {
      const found = servicesWithTrace();
      return ['gateway', 'population', 'business', 'dossiers', 'indicators'].every((s) => found.has(s)) ? found : undefined;
    });
    expect([...services].sort()).toEqual(expect.arrayContaining(['business', 'dossiers', 'gateway', 'indicators', 'population']));
  });

  test('every line is JSON; request lines carry requestId and traceId, shared with the subgraphs; no personal value is logged', async () => {
    const headers = await grantedHeaders();
    const list = await postGraphQL(system.gateway.url, `{ citizens(first: 3) { edges { node { id cccd fullName birthDate } } } }`, undefined, headers);
    expect(list.errors).toBeUndefined();
    const people = list.data.citizens.edges.map((e: any) => e.node);
    expect(people[0].cccd).toMatch(/^\d{12}$/);

    const requestId = 'obs-test-request-1';
    const response = await fetch(system.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...headers },
      // The CCCD both in the query text and in a variable: neither may reach a log.
      body: JSON.stringify({
        query: `query Profile($cccd: String!) { byVariable: citizenByCccd(cccd: $cccd) { fullName birthDate } byLiteral: citizenByCccd(cccd: "${people[1].cccd}") { fullName } }`,
        variables: { cccd: people[0].cccd },
      }),
    });
    expect(response.headers.get('x-request-id')).toBe(requestId);
    const profile: any = await response.json();
    expect(profile.errors).toBeUndefined();
    expect(profile.data.byVariable.fullName).toBe(people[0].fullName);

    // A GET carries its operation in the URL: the path may be logged, the query string never.
    const viaGet = await fetch(`${system.gateway.url}?query=${encodeURIComponent(`{ citizenByCccd(cccd: "${people[2].cccd}") { id } }`)}`, { headers: { 'apollo-require-preflight': 'true', ...headers } });
    expect(viaGet.status).toBe(200);

    const processes = [system.gateway, ...Object.values(system.subgraphs)];
    // Three requests served (the list, the profile, the GET): wait for their completion lines.
    const finished = () => system.gateway.stdoutLines().filter((l) => l.includes('"path":"/graphql"') && l.includes('request finished')).length >= 3;
    await eventually(() => (finished() ? true : undefined));
    for (const p of processes) {
      const lines = p.stdoutLines();
      expect([p.name, lines.length > 0]).toEqual([p.name, true]);
      for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
      const text = lines.join('\n');
      for (const person of people) {
        for (const value of [person.cccd, person.fullName, person.birthDate]) expect([p.name, text.includes(value)]).toEqual([p.name, false]);
      }
    }

    const gatewayLines = system.gateway.stdoutLines().map((l) => JSON.parse(l));
    const requestLines = gatewayLines.filter((l) => l.requestId === requestId);
    expect(requestLines.length).toBeGreaterThan(0);
    const traceId = requestLines[0].traceId;
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    for (const line of requestLines) expect(line.traceId).toBe(traceId);
    // Every line logged while serving a request has both ids.
    const servedLines = gatewayLines.filter((l) => l.path === '/graphql');
    expect(servedLines.length).toBeGreaterThanOrEqual(3);
    for (const line of servedLines) {
      expect(line).toEqual(expect.objectContaining({ requestId: expect.any(String), traceId: expect.stringMatching(/^[0-9a-f]{32}$/) }));
    }
    // The population subgraph answered that request: its line has the same request id and trace id.
    const populationLines = system.subgraphs.population.stdoutLines().map((l) => JSON.parse(l));
    expect(populationLines.filter((l) => l.requestId === requestId && l.msg === 'request finished')).toEqual(expect.arrayContaining([expect.objectContaining({ traceId })]));
    expect(BUILT_IN_SUBGRAPHS).toContain('population');
  });
});
