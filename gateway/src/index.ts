import 'reflect-metadata';
import { BUILT_IN_SUBGRAPHS } from '../../subgraphs/catalog';
import { createLogger } from '../../subgraphs/kit/logger';
import { initTracing, shutdownTracing } from '../../subgraphs/kit/telemetry';
import { gatewayConfig } from './config';
import { startGateway } from './gateway';
import { missingNodeFlags } from './node-flags';

/** Entry point of the gateway process: start, then stop cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  initTracing('gateway');
  const missing = missingNodeFlags();
  if (missing.length > 0) {
    createLogger('gateway').warn({ missing }, `started without ${missing.join(' ')}: expect less throughput under load; start it as "node ${missing.join(' ')} dist/gateway/src/index.js" (see gateway/src/node-flags.ts)`);
  }
  const running = await startGateway(gatewayConfig(BUILT_IN_SUBGRAPHS));
  // Tell a supervising launcher (npm start) where the gateway listens.
  process.send?.({ type: 'ready', name: 'gateway', url: running.url });
  const shutdown = () => {
    // Spans still buffered are flushed (OTLP) before the process ends.
    running.stop().then(() => shutdownTracing()).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
