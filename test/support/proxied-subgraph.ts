import type { GatewayConfig } from '../../gateway/src/config';
import type { RunningGateway } from '../../gateway/src/gateway';
import { FaultMode, FaultProxy, startFaultProxy } from './fault-proxy';
import { gatewayOver, startSubgraphs, Subgraphs } from './gateway-over';

export interface ProxiedSubgraph {
  subgraphs: Subgraphs;
  /** The proxy in front of the subgraph (mode, delay, counts; reset after each test). */
  proxy: FaultProxy;
  /** The current test's gateway, stopped after the test. */
  gateway?: RunningGateway;
  /** Starts the test's gateway over the subgraphs, reaching `name` through the proxy. */
  startGateway(overrides?: Partial<GatewayConfig>): Promise<RunningGateway>;
}

/**
 * For a test file whose gateways reach one subgraph through a fault proxy: registers the hooks
 * that start the in-process subgraphs and the proxy once, stop each test's gateway and reset the
 * proxy's counts after it, and stop everything at the end.
 */
export function proxiedSubgraph(name: string, mode: FaultMode, delayMs = 0): ProxiedSubgraph {
  const stack = {
    async startGateway(overrides: Partial<GatewayConfig> = {}) {
      stack.gateway = await gatewayOver(stack.subgraphs, { ...overrides, subgraphUrls: { [name]: stack.proxy.url, ...overrides.subgraphUrls } });
      return stack.gateway;
    },
  } as ProxiedSubgraph;
  beforeAll(async () => {
    stack.subgraphs = await startSubgraphs();
    stack.proxy = await startFaultProxy(stack.subgraphs.urls[name], mode);
    stack.proxy.delayMs = delayMs;
  });
  afterEach(async () => {
    await stack.gateway?.stop();
    stack.gateway = undefined;
    stack.proxy.reset();
  });
  afterAll(async () => {
    await stack.proxy?.close();
    await stack.subgraphs?.stop();
  });
  return stack;
}
