/**
 * Node.js flags the gateway process runs with. `npm start` passes them, and so does the
 * benchmark; a deployment that starts `dist/gateway/src/index.js` itself passes them on the
 * command line or in NODE_OPTIONS (the gateway logs a warning at start when one is missing).
 *
 * `--max-semi-space-size=64`: every request's short-lived objects (subgraph answers, merged
 * entities, the shaped response) are born in V8's young generation. With 50 requests in flight
 * the default 16 MiB semi-space fills every few requests, and each scavenge copies the live
 * objects of every request still in flight. In a same-run A/B of `npm run bench` (standard
 * workload, one core) 64 MiB gave +25% req/s with sharing and +32% without, at the cost of
 * about 110–130 MiB more peak RSS (bench/gateways/README.md).
 */
export const GATEWAY_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];

const flagName = (arg: string) => arg.split('=')[0];

/** The gateway's flags this process was started without (neither in its arguments nor in NODE_OPTIONS). */
export function missingNodeFlags(execArgv: readonly string[] = process.execArgv, nodeOptions: string = process.env.NODE_OPTIONS ?? ''): string[] {
  const given = new Set([...execArgv, ...nodeOptions.split(/\s+/)].filter(Boolean).map(flagName));
  return GATEWAY_NODE_FLAGS.filter((flag) => !given.has(flagName(flag)));
}
