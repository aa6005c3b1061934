import 'reflect-metadata';
import { initTracing } from '../../subgraphs/kit/telemetry';
import { registryConfig } from './config';
import { startRegistry } from './server';

/** Entry point of the registry process: start, report the URL, stop cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  initTracing('registry');
  const running = await startRegistry(registryConfig());
  // Tell a supervising launcher (npm start) where the registry listens.
  process.send?.({ type: 'ready', name: 'registry', url: running.url });
  const shutdown = () => {
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(`registry failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
