import path from 'node:path';
import { GATEWAY_NODE_FLAGS } from '../../../gateway/src/node-flags';
import { projectRoot } from '../../../subgraphs/kit/project-root';
import { cleanEnv, cpuProfileArgs, freePort, PinnedProcess, startPinned } from '../processes';
import type { WorkloadStack } from '../workload';

/**
 * The gateways the benchmark compares, each started as its own process pinned to the
 * gateway core(s), reading the same supergraph file:
 * - `project`: this project's gateway as shipped (dist/gateway/src/index.js with its Node.js
 *   flags, gateway/src/node-flags.ts: tokens checked,
 *   grants and purpose enforced, access records written, limits, rate limit, signed subgraph
 *   calls, request logs), static supergraph file, no registry; it shares identical in-flight
 *   subgraph calls of public-only query operations (its default);
 * - `project-noshare`: the same with that sharing off (SUBGRAPH_SHARE_IN_FLIGHT=off);
 * - `apollo`: vanilla @apollo/gateway 2.14 with @apollo/server 5, default configuration;
 * - `hive`, `hive-router`: Hive Gateway's CLI with its default planner, and with the Rust
 *   planner of @graphql-hive/router-runtime (`--hive-router-runtime`), both with their defaults,
 *   which merge identical in-flight subgraph requests;
 * - `hive-nodedupe`, `hive-router-nodedupe`: the same with that merging off;
 * - `hive-fair`, `hive-router-fair`: merging only where it is fair (never personal requests
 *   across callers, hive-fair-merging.config.ts); run on workloads with personal requests only,
 *   since elsewhere they are the defaults.
 */
export type GatewayId = 'project' | 'project-noshare' | 'apollo' | 'hive' | 'hive-nodedupe' | 'hive-fair' | 'hive-router' | 'hive-router-nodedupe' | 'hive-router-fair';

export interface GatewayKind {
  id: GatewayId;
  label: string;
  /** Merges identical in-flight subgraph requests (across client requests). */
  mergesInflight: boolean;
  /** Merges personal requests across callers (the issue calls that unfair): Hive's defaults do. */
  mergesPersonal?: boolean;
  /** Run only on workloads with personal requests (elsewhere it would repeat another row). */
  personalWorkloadsOnly?: boolean;
  start(context: GatewayStartContext): Promise<PinnedProcess>;
}

export interface GatewayStartContext {
  workload: WorkloadStack;
  supergraphFile: string;
  cpus: string;
  logDir: string;
  /** Tag of this start, part of the log file's name (e.g. "record", "load"). */
  tag: string;
}

const DIST = path.join(projectRoot(), 'dist');
const HIVE_BIN = path.join(projectRoot(), 'node_modules', '@graphql-hive', 'gateway', 'dist', 'bin.js');
const HIVE_CONFIG = {
  default: undefined,
  off: path.join(DIST, 'bench', 'gateways', 'gateways', 'hive-no-dedupe.config.js'),
  fair: path.join(DIST, 'bench', 'gateways', 'gateways', 'hive-fair-merging.config.js'),
};

const logFile = (context: GatewayStartContext, id: string) => path.join(context.logDir, `${context.workload.name}-${id}-${context.tag}.log`);

/** Every gateway process's CPU profile, when BENCH_CPU_PROFILE_DIR asks for them. */
const profileArgs = (context: GatewayStartContext, id: string) => cpuProfileArgs(`${context.workload.name}-${id}-${context.tag}`);

const startProject = (id: GatewayId, share: boolean) => async (context: GatewayStartContext): Promise<PinnedProcess> => {
  const port = await freePort();
  const { workload } = context;
  return startPinned({
    name: `project gateway (${id})`,
    cpus: context.cpus,
    // As npm start runs it (gateway/src/node-flags.ts).
    nodeArgs: [...GATEWAY_NODE_FLAGS, ...profileArgs(context, id)],
    script: path.join(DIST, 'gateway', 'src', 'index.js'),
    cwd: projectRoot(),
    env: cleanEnv({
      GATEWAY_PORT: String(port),
      GATEWAY_HOST: '127.0.0.1',
      SUPERGRAPH_PATH: context.supergraphFile,
      DATA_DIR: workload.dataDir,
      SUBGRAPH_SIGNING_SECRET: workload.signingSecret,
      // The load comes from one agency: its rate limit stays on, with a bucket the load cannot empty.
      RATE_LIMIT_PER_MINUTE: '1000000000',
      RATE_LIMIT_BURST: '1000000000',
      SUBGRAPH_SHARE_IN_FLIGHT: share ? 'on' : 'off',
      ...workload.projectGatewayEnv,
    }),
    logFile: logFile(context, id),
    url: `http://127.0.0.1:${port}/graphql`,
  });
};

async function startApollo(context: GatewayStartContext): Promise<PinnedProcess> {
  const port = await freePort();
  return startPinned({
    name: 'vanilla @apollo/gateway',
    cpus: context.cpus,
    nodeArgs: profileArgs(context, 'apollo'),
    script: path.join(DIST, 'bench', 'gateways', 'gateways', 'apollo-server.js'),
    cwd: context.logDir,
    env: cleanEnv({ SUPERGRAPH_PATH: context.supergraphFile, PORT: String(port) }),
    logFile: logFile(context, 'apollo'),
    url: `http://127.0.0.1:${port}/`,
  });
}

function hive(id: GatewayId, options: { router: boolean; merging: keyof typeof HIVE_CONFIG }) {
  const config = HIVE_CONFIG[options.merging];
  return async (context: GatewayStartContext): Promise<PinnedProcess> => {
    const port = await freePort();
    return startPinned({
      name: `Hive Gateway (${id})`,
      cpus: context.cpus,
      nodeArgs: profileArgs(context, id),
      script: HIVE_BIN,
      args: [
        'supergraph', context.supergraphFile, '--host', '127.0.0.1', '--port', String(port),
        ...(options.router ? ['--hive-router-runtime'] : []),
        ...(config ? ['--config-path', config] : []),
      ],
      // Its own folder: the CLI would pick up a gateway.config.* from the working directory.
      cwd: context.logDir,
      env: cleanEnv({}),
      logFile: logFile(context, id),
      url: `http://127.0.0.1:${port}/graphql`,
    });
  };
}

export const GATEWAYS: readonly GatewayKind[] = [
  { id: 'project', label: 'this project\'s gateway', mergesInflight: true, start: startProject('project', true) },
  { id: 'project-noshare', label: 'this project\'s gateway, merging off', mergesInflight: false, start: startProject('project-noshare', false) },
  { id: 'apollo', label: 'vanilla @apollo/gateway 2.14.4', mergesInflight: false, start: startApollo },
  { id: 'hive', label: 'Hive Gateway 2.15.1', mergesInflight: true, mergesPersonal: true, start: hive('hive', { router: false, merging: 'default' }) },
  { id: 'hive-nodedupe', label: 'Hive Gateway 2.15.1, merging off', mergesInflight: false, start: hive('hive-nodedupe', { router: false, merging: 'off' }) },
  { id: 'hive-fair', label: 'Hive Gateway 2.15.1, merging public requests only', mergesInflight: true, personalWorkloadsOnly: true, start: hive('hive-fair', { router: false, merging: 'fair' }) },
  { id: 'hive-router', label: 'Hive Gateway + router-runtime 1.4.23', mergesInflight: true, mergesPersonal: true, start: hive('hive-router', { router: true, merging: 'default' }) },
  { id: 'hive-router-nodedupe', label: 'Hive Gateway + router-runtime, merging off', mergesInflight: false, start: hive('hive-router-nodedupe', { router: true, merging: 'off' }) },
  { id: 'hive-router-fair', label: 'Hive Gateway + router-runtime, merging public requests only', mergesInflight: true, personalWorkloadsOnly: true, start: hive('hive-router-fair', { router: true, merging: 'fair' }) },
];

export function gatewayKind(id: string): GatewayKind {
  const kind = GATEWAYS.find((g) => g.id === id);
  if (!kind) throw new Error(`unknown gateway "${id}"; known: ${GATEWAYS.map((g) => g.id).join(', ')}, floor`);
  return kind;
}

/** The report's name of a gateway id, or of the floor. */
export function gatewayLabel(id: string): string {
  return id === 'floor' ? 'floor (no gateway)' : gatewayKind(id).label;
}
