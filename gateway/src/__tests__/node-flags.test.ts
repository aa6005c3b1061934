import { GATEWAY_NODE_FLAGS, missingNodeFlags } from '../node-flags';

// The gateway notices when it was started without its Node.js flags (on the command line or in
// NODE_OPTIONS), so a deployment that starts it by hand learns why it is slower.

test('the gateway runs with a larger young generation', () => {
  expect(GATEWAY_NODE_FLAGS).toContain('--max-semi-space-size=64');
});

test('a flag given on the command line or in NODE_OPTIONS, with any value, counts as given', () => {
  expect(missingNodeFlags([], '')).toEqual([...GATEWAY_NODE_FLAGS]);
  expect(missingNodeFlags(['--max-semi-space-size=64'], '')).toEqual([]);
  expect(missingNodeFlags(['--enable-source-maps', '--max-semi-space-size=128'], '')).toEqual([]);
  expect(missingNodeFlags([], '--require x  --max-semi-space-size=32')).toEqual([]);
  expect(missingNodeFlags(['--max-old-space-size=4096'], '--max-semi-space-size-other')).toEqual([...GATEWAY_NODE_FLAGS]);
});
