import type { CircuitState } from '../executor/circuit-breaker';
import type { Commune } from './commune.entity';
import type { SubgraphHealth } from './generated/graphql';

/** The network executor's circuit for a commune (`CircuitBreaker.stateOf`). */
export type CircuitOf = (commune: string) => CircuitState;

export const CLOSED_CIRCUIT: CircuitState = {
  state: 'closed',
  consecutiveFailures: 0,
  openedAt: null,
};

const CIRCUIT_STATES = { closed: 'CLOSED', open: 'OPEN', 'half-open': 'HALF_OPEN' } as const;

/**
 * The health of each current endpoint: the last stored check of that very URL (UNKNOWN if
 * none), with the live circuit of the commune, which the executor keeps in memory.
 */
export function healthView(commune: Commune, circuit: CircuitState): SubgraphHealth[] {
  const circuitStatus = {
    state: CIRCUIT_STATES[circuit.state],
    consecutiveFailures: circuit.consecutiveFailures,
    openedAt: circuit.openedAt,
  };
  return commune.subgraphs.map(({ name, url }) => {
    const stored = commune.health.find((h) => h.subgraph === name && h.url === url);
    if (!stored) {
      return {
        subgraph: name,
        status: 'UNKNOWN',
        latencyMs: null,
        checkedAt: null,
        lastError: null,
        contract: 'UNKNOWN',
        contractDifferences: [],
        circuit: circuitStatus,
      };
    }
    return {
      subgraph: name,
      status: stored.status,
      latencyMs: stored.latencyMs,
      checkedAt: stored.checkedAt,
      lastError: stored.lastError,
      contract: stored.contract,
      contractDifferences: stored.contractDifferences,
      circuit: circuitStatus,
    };
  });
}
