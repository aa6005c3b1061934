import type { RecordedCall } from '../../bench/gateways/plans/recorder';
import { medianPhases, requestPhases } from '../../bench/gateways/timeline/phases';

// npm run bench:timeline places a request's time from its subgraph calls as the recording
// proxies saw them: before the first call, between stages, after the last answer, and the
// subgraphs' own time on the critical path (each call's time less the proxy's hold).

const call = (subgraph: string, arrivedAt: number, answeredAt: number): RecordedCall => ({ subgraph, url: `http://${subgraph}`, body: '{}', response: '{}', status: 200, arrivedAt, answeredAt });

test('two stages: the gateway\'s time before, between and after, and the slowest call of each stage less the hold', () => {
  // Sent at 100; stage 1: two parallel calls (answered at 110 and 112); stage 2 starts at 113.5 and answers at 119; received at 121.
  const calls = [call('population', 103, 110), call('business', 103.5, 112), call('dossiers', 113.5, 119)];
  const phases = requestPhases(100, 121, calls, 4)!;
  expect(phases.stages).toBe(2);
  expect(phases.total).toBe(21);
  expect(phases.beforeFirstCall).toBe(3);
  expect(phases.betweenStages).toBe(1.5);
  expect(phases.afterLastAnswer).toBe(2);
  // Stage 1: the slowest call took 8.5 ms (103.5 → 112), stage 2: 5.5 ms; less 4 ms each.
  expect(phases.subgraphs).toBe(4.5 + 1.5);
  // The phases, the two holds and the 0.5 ms between stage 1's two calls make up the whole.
  expect(phases.beforeFirstCall + phases.betweenStages + phases.afterLastAnswer + phases.subgraphs + 2 * 4 + (103.5 - 103)).toBeCloseTo(phases.total, 10);
});

test('a request that made no subgraph call has no phases', () => {
  expect(requestPhases(0, 5, [], 4)).toBeUndefined();
});

test('medians per phase, over an odd and an even number of requests', () => {
  const phases = (total: number) => ({ total, beforeFirstCall: total / 10, betweenStages: 0, afterLastAnswer: 1, subgraphs: 2, stages: 1 });
  expect(medianPhases([phases(30), phases(10), phases(20)]).total).toBe(20);
  expect(medianPhases([phases(30), phases(10), phases(20), phases(40)])).toEqual({ total: 25, beforeFirstCall: 2.5, betweenStages: 0, afterLastAnswer: 1, subgraphs: 2 });
});
