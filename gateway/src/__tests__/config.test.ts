import { gatewayConfig } from '../config';
import { DEFAULT_SUBGRAPH_CONNECTIONS } from '../subgraph-calls';

// The gateway's configuration is read from the environment and refused at start when a value
// is wrong, with the variable's name in the message.

const BASE = { SUBGRAPH_SIGNING_SECRET: 'a-test-secret-that-is-long-enough-0123456789' };
const config = (env: Record<string, string>) => gatewayConfig(['business'], { ...BASE, ...env });

describe('SUBGRAPH_CONNECTIONS', () => {
  test('defaults to 16 connections per subgraph', () => {
    expect(DEFAULT_SUBGRAPH_CONNECTIONS).toBe(16);
    expect(config({}).subgraphConnections).toBe(16);
  });

  test('takes a positive whole number', () => {
    expect(config({ SUBGRAPH_CONNECTIONS: '32' }).subgraphConnections).toBe(32);
  });

  test.each(['0', '-1', '2.5', 'many'])('refuses "%s", naming the variable', (value) => {
    expect(() => config({ SUBGRAPH_CONNECTIONS: value })).toThrow(`SUBGRAPH_CONNECTIONS must be a positive whole number, got "${value}"`);
  });
});
