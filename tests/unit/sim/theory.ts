/**
 * Closed-form queueing results the simulator is checked against. Written independently of the
 * simulator: nothing here reads its code or its output.
 */

/** Erlang C for M/M/c with offered load a = λ/μ (< c): P(wait) and mean wait in units of 1/μ. */
export function erlangC(c: number, a: number): { pWait: number; meanWait: number } {
  // Erlang B by its stable recurrence, then C from B.
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const rho = a / c;
  const pWait = b / (1 - rho + rho * b);
  return { pWait, meanWait: pWait / (c - a) };
}

/**
 * Finite-source M/M/c//N (N users, exponential think time Z and service S, c servers), exact from
 * its birth–death chain: birth rate (N−n)/Z, death rate min(n, c)/S. An arriving user sees the
 * state weighted by the arrival rate (N−n)/Z, which gives P(wait); Little's law gives the wait.
 */
export function finiteSource(n: number, c: number, thinkSec: number, serviceSec: number) {
  const weights = [1];
  for (let k = 1; k <= n; k++) {
    const birth = (n - k + 1) / thinkSec;
    const death = Math.min(k, c) / serviceSec;
    weights.push((weights[k - 1] as number) * (birth / death));
  }
  const total = weights.reduce((a, b) => a + b, 0);
  const p = weights.map((w) => w / total);
  let throughput = 0;
  let queueLength = 0;
  let arrivalsWaiting = 0;
  let inSystem = 0;
  p.forEach((pk, k) => {
    const rate = (n - k) / thinkSec;
    throughput += rate * pk;
    if (k >= c) arrivalsWaiting += rate * pk;
    queueLength += Math.max(0, k - c) * pk;
    inSystem += k * pk;
  });
  return { pWait: arrivalsWaiting / throughput, meanWaitSec: queueLength / throughput, throughput, inSystem };
}

/** Mean and standard error of independent replications. */
export function meanAndStandardError(values: number[]): { mean: number; se: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, se: Math.sqrt(variance / values.length) };
}
