import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../subgraphs/kit/project-root';
import { logTail } from '../processes';
import type { FloorPlan, FloorResult, FloorSpec } from './floor';
import { RecordedCall, stagesOf } from './recorder';

/** A gateway's recorded calls for each request of the rotation (same order as the requests). */
export type Recording = RecordedCall[][];

/**
 * The floor's plan for each request: among the recorded gateways, the one that needed the
 * fewest subgraph calls for it (then the fewest stages), replayed without the gateway.
 */
export function floorPlans(recordings: Record<string, Recording>, operations: string[]): { plans: FloorPlan[]; chosenFrom: string[] } {
  const plans: FloorPlan[] = [];
  const chosenFrom: string[] = [];
  operations.forEach((operation, i) => {
    let best: { gateway: string; stages: RecordedCall[][]; calls: number } | undefined;
    for (const [gateway, recording] of Object.entries(recordings)) {
      const calls = recording[i];
      if (!calls?.length) continue;
      const stages = stagesOf(calls);
      if (!best || calls.length < best.calls || (calls.length === best.calls && stages.length < best.stages.length)) best = { gateway, stages, calls: calls.length };
    }
    if (!best) throw new Error(`no recorded plan for request ${i} (${operation})`);
    plans.push({ operation, stages: best.stages.map((stage) => stage.map((c) => ({ url: c.url, body: c.body, response: c.response }))) });
    chosenFrom.push(best.gateway);
  });
  return { plans, chosenFrom };
}

/** Runs the floor process pinned to `cpus` and returns what it measured. */
export async function runFloor(spec: FloorSpec, options: { cpus: string; workDir: string; tag: string }): Promise<FloorResult> {
  const specFile = path.join(options.workDir, `floor-${options.tag}-spec.json`);
  const resultFile = path.join(options.workDir, `floor-${options.tag}-result.json`);
  const logFile = path.join(options.workDir, `floor-${options.tag}.log`);
  writeFileSync(specFile, JSON.stringify(spec));
  const log = openSync(logFile, 'a');
  const child = spawn('taskset', ['-c', options.cpus, process.execPath, path.join(projectRoot(), 'dist', 'bench', 'gateways', 'plans', 'floor.js'), specFile, resultFile], { stdio: ['ignore', log, log] });
  closeSync(log);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  if (code !== 0) throw new Error(`the floor process exited with ${code}; its log ends with:\n${logTail(logFile)}`);
  return JSON.parse(readFileSync(resultFile, 'utf8')) as FloorResult;
}
