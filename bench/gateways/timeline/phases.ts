import { RecordedCall, stagesOf } from '../plans/recorder';

/**
 * Where one client request's time went, read off its subgraph calls as the recording proxies
 * saw them (each call held `holdMs`, as a network would): what the gateway did before its first
 * call, between stages and after the last answer, and what the subgraphs took on the critical
 * path. Milliseconds.
 */
export interface RequestPhases {
  total: number;
  /** From sending the request to the first call's arrival: admission, token, checks, plan. */
  beforeFirstCall: number;
  /** Summed over consecutive stages: from a stage's last answer to the next stage's first call. */
  betweenStages: number;
  /** From the last answer to the whole response received: merging, checks on the answer, access records, serialising. */
  afterLastAnswer: number;
  /** Summed over stages: each stage's slowest call, less the hold. */
  subgraphs: number;
  stages: number;
}

/** The phases of one request; undefined when it made no subgraph call (nothing to place). */
export function requestPhases(sentAt: number, receivedAt: number, calls: RecordedCall[], holdMs: number): RequestPhases | undefined {
  if (calls.length === 0) return undefined;
  const stages = stagesOf(calls);
  const firstArrival = (stage: RecordedCall[]) => Math.min(...stage.map((c) => c.arrivedAt));
  const lastAnswer = (stage: RecordedCall[]) => Math.max(...stage.map((c) => c.answeredAt));
  let betweenStages = 0;
  for (let i = 1; i < stages.length; i += 1) betweenStages += firstArrival(stages[i]) - lastAnswer(stages[i - 1]);
  return {
    total: receivedAt - sentAt,
    beforeFirstCall: firstArrival(calls) - sentAt,
    betweenStages,
    afterLastAnswer: receivedAt - lastAnswer(calls),
    subgraphs: stages.reduce((sum, stage) => sum + Math.max(...stage.map((c) => c.answeredAt - c.arrivedAt - holdMs)), 0),
    stages: stages.length,
  };
}

export type PhaseName = Exclude<keyof RequestPhases, 'stages'>;
export const PHASES: readonly PhaseName[] = ['total', 'beforeFirstCall', 'betweenStages', 'afterLastAnswer', 'subgraphs'];

/** The median of each phase over many requests. */
export function medianPhases(all: RequestPhases[]): Record<PhaseName, number> {
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  };
  return Object.fromEntries(PHASES.map((phase) => [phase, median(all.map((p) => p[phase]))])) as Record<PhaseName, number>;
}
