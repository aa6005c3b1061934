import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { answerDifference } from '../check';
import { GatewayId, gatewayKind } from '../gateways';
import type { Recording } from '../plans/floor-run';
import { RecordedCall, startRecordingProxies, stagesOf } from '../plans/recorder';
import type { PinnedProcess } from '../processes';
import type { IsolatedPlan } from '../results';
import { withRoutingUrls } from '../routing-urls';
import type { PhaseContext } from './context';
import { send } from './requests';

/** Each recorded subgraph call is held this long, so that the plan's stages stand apart. */
const HOLD_MS = 40;
/** Each request is recorded this often and the tidiest recording kept (fewest calls, then stages): a gateway paused by other work can make one stage look like two. */
const REPEATS = 2;

export interface RecordedPlans {
  /** Per gateway that answered everything correctly: its calls for each request of the rotation. */
  recordings: Partial<Record<GatewayId, Recording>>;
  /** Whose answers are the expected ones. */
  reference: string;
  isolated: IsolatedPlan[];
  /** Sequential stages of the shortest recorded plan, per operation. */
  criticalPathStages: Record<string, number>;
}

/**
 * Phase 1: each gateway alone, its subgraphs behind recording proxies, sends every request
 * (REPEATS times); every answer is compared with the expected one. Where the workload has no
 * expected answers (the project's), the first gateway's complete answers become them, so
 * vanilla @apollo/gateway goes first. A gateway that fails is reported and left out.
 */
export async function recordPlans(ctx: PhaseContext): Promise<RecordedPlans> {
  const { stack, options } = ctx;
  const order = [...options.gateways].sort((a, b) => Number(b === 'apollo') - Number(a === 'apollo'));
  const recordings: Partial<Record<GatewayId, Recording>> = {};
  let reference = 'the shared expected response';
  const proxies = await startRecordingProxies(stack.subgraphUrls, HOLD_MS);
  const supergraphFile = path.join(ctx.runDir, `${stack.name}-supergraph-recording.graphql`);
  writeFileSync(supergraphFile, withRoutingUrls(stack.supergraphSdl, proxies.urls));
  try {
    for (const id of order) {
      let gateway: PinnedProcess | undefined;
      try {
        gateway = await gatewayKind(id).start({ workload: stack, supergraphFile, cpus: options.gatewayCpus, logDir: ctx.runDir, tag: 'record' });
        const recording: Recording = [];
        for (const [i, request] of stack.requests.entries()) {
          let calls: RecordedCall[] | undefined;
          for (let repeat = 0; repeat < REPEATS; repeat += 1) {
            proxies.take();
            const { status, text } = await send(gateway.url, request, ctx.mint);
            const taken = proxies.take();
            if (!calls || taken.length < calls.length || (taken.length === calls.length && stagesOf(taken).length < stagesOf(calls).length)) calls = taken;
            if (ctx.expected[i] === undefined) {
              const body = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
              if (status !== 200 || body.errors?.length || !body.data) throw new Error(`as the reference, request ${i} (${request.operation}) answered HTTP ${status} with errors: ${text.slice(0, 400)}`);
              ctx.expected[i] = body;
              reference = `${gatewayKind(id).label}'s`;
            }
            const difference = status === 200 ? answerDifference(text, ctx.expected[i]) : `HTTP ${status}: ${text.slice(0, 300)}`;
            if (difference) throw new Error(`request ${i} (${request.operation}) answered differently from the expected answer: ${difference}`);
          }
          recording.push(calls!);
        }
        recordings[id] = recording;
        ctx.log(`${stack.name}: ${id} answers correctly; subgraph calls per request ${recording.map((c) => c.length).join(',')}`);
      } catch (error) {
        ctx.fail(id, 'first check', error);
      } finally {
        await gateway?.stop();
      }
    }
  } finally {
    await proxies.close();
  }

  const operationOf = stack.requests.map((r) => r.operation);
  const operations = [...new Set(operationOf)];
  const all = Object.values(recordings) as Recording[];
  const isolated = (Object.entries(recordings) as [GatewayId, Recording][]).map(([gateway, recording]) => ({
    gateway,
    calls: Object.fromEntries(operations.map((op) => [op, recording[operationOf.indexOf(op)].length])),
    stages: Object.fromEntries(operations.map((op) => [op, stagesOf(recording[operationOf.indexOf(op)]).length])),
  }));
  // Per request the shortest plan any gateway made; per operation the longest of those.
  const criticalPathStages = Object.fromEntries(
    operations.map((op) => [op, Math.max(...operationOf.map((o, i) => (o === op && all.length ? Math.min(...all.map((r) => stagesOf(r[i]).length)) : 0)))]),
  );
  return { recordings, reference, isolated, criticalPathStages };
}
