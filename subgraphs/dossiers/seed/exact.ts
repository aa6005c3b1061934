import { Random } from '../../kit';

/**
 * Exactly `trues` of the items become true, drawn without replacement with probability
 * proportional to their weight (Efraimidis–Spirakis keys: the `trues` smallest of
 * -ln(u)/w win). Like Random.exactFlags, the count is exact, so a published share holds
 * at every scale; the weights only decide which items get the flag (e.g. online
 * payment leans to online dossiers). Items with weight 0 are never chosen.
 */
export function exactWeightedFlags(random: Random, weights: ArrayLike<number>, trues: number): Uint8Array {
  const n = weights.length;
  const keys = new Float64Array(n);
  let eligible = 0;
  for (let i = 0; i < n; i += 1) {
    const w = weights[i];
    if (w > 0) {
      keys[i] = -Math.log(1 - random.next()) / w;
      eligible += 1;
    } else {
      keys[i] = Infinity;
    }
  }
  if (trues > eligible) throw new Error(`Cannot flag ${trues} items: only ${eligible} are eligible`);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) order[i] = i;
  order.sort((a, b) => keys[a] - keys[b] || a - b);
  const flags = new Uint8Array(n);
  for (let i = 0; i < trues; i += 1) flags[order[i]] = 1;
  return flags;
}

/** Splits `total` into integer parts proportional to `weights` that sum exactly to `total` (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const quotas = weights.map((w) => (sum === 0 ? 0 : (total * w) / sum));
  const parts = quotas.map(Math.floor);
  let left = total - parts.reduce((s, p) => s + p, 0);
  const byRemainder = quotas.map((q, i) => [q - Math.floor(q), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left <= 0) break;
    parts[i] += 1;
    left -= 1;
  }
  return parts;
}
