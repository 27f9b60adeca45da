/**
 * The path in the snippets (issue #17): per pool, the read timeout, the retries and the TCP
 * keep-alive probes the generated code sets, each with a comment that holds for its numbers and
 * names the hop it is for. The client whose defaults apply is the snippet's own (an SDK tab retries
 * as that SDK does, whatever client the scenario was sized for); the pool's own settings win.
 */
import type { ClientFacts, RetryFacts } from '../clients/types.ts';
import { formatNumber } from '../format.ts';
import { hopName } from '../path/path.ts';

/** A hop as a comment names it: the core's one naming rule, by its place on the path. */
export { hopName };
import type { Hop } from '../scenario/schema.ts';
import type { PoolSizing, SnippetInput } from './input.ts';

const sec = (x: number) => formatNumber(x, 3);

interface IndexedHop {
  hop: Hop;
  index: number;
}

const silent = (h: Hop) => h.onIdle === 'silent' || h.onIdle === 'silent-rst';

/** The hop that forgets an idle flow without telling either end soonest (silent or silent-rst), if any. */
export function shortestSilentHop(input: SnippetInput): IndexedHop | undefined {
  let best: IndexedHop | undefined;
  input.scenario.network.middleboxes.forEach((hop, index) => {
    if (silent(hop) && (best === undefined || hop.idleSec < best.hop.idleSec)) best = { hop, index };
  });
  return best;
}

/** What a connection idle past the hop's limit does to the next request on it; `retries` > 0: the client sends it again. */
export function closeConsequence(hop: Hop, readTimeoutSec: number, retries = 0): string {
  const failed = retries > 0 ? 'fails and is sent again' : 'fails';
  switch (hop.onIdle) {
    case 'fin':
      return `the client sees the FIN and reconnects (one handshake more), and a request crossing the close ${failed}`;
    case 'rst':
      return `the client sees the RST and reconnects (one handshake more), and a request crossing the close ${failed}`;
    case 'silent':
      return `nobody notices: the next request on it hangs until the read timeout (${sec(readTimeoutSec)} s), then ${failed === 'fails' ? 'fails' : 'is sent again on a new connection'}`;
    case 'silent-rst':
      return `nobody notices until the next request on it, which is reset at once (ECONNRESET)${retries > 0 ? ' and sent again' : ''}`;
  }
}

/**
 * The hop that ends this pool's idle connections before its keep-alive does: the one with the
 * shortest limit at or under `keepaliveSec`, leaving out silent hops that the sockets' TCP keep-alive
 * probes (every `probeSec`, null = none) keep open.
 */
export function firstCloser(input: SnippetInput, keepaliveSec: number, probeSec: number | null): IndexedHop | undefined {
  let best: IndexedHop | undefined;
  input.scenario.network.middleboxes.forEach((hop, index) => {
    if (hop.idleSec > keepaliveSec) return;
    if (silent(hop) && probeSec !== null && probeSec < hop.idleSec) return;
    if (best === undefined || hop.idleSec < best.hop.idleSec) best = { hop, index };
  });
  return best;
}

/** "the server closes idle connections after 60 s, before this: …" for the keep-alive line. */
export function closerRemark(input: SnippetInput, pool: PoolSizing, probeSec: number | null, retries: number): string | undefined {
  const closer = firstCloser(input, pool.keepaliveSec, probeSec);
  if (!closer) return undefined;
  const { hop, index } = closer;
  const verb = silent(hop) ? 'silently forgets connections idle' : 'closes idle connections after';
  return `${hopName(hop, index)} ${verb} ${sec(hop.idleSec)} s, before this: ${closeConsequence(hop, pool.readTimeoutSec, retries)}`;
}

/** Why this read timeout, when the pool sets its own; undefined when it is the derived one (each generator explains that). */
export function ownReadTimeoutRemark(input: SnippetInput, pool: PoolSizing): string | undefined {
  if (!pool.ownReadTimeout) return undefined;
  const cut =
    pool.readTimeoutSec < input.longestResponseSec
      ? `; below the slowest class's p99 of ${formatNumber(input.longestResponseSec, 1)} s: a reply silent that long is cut`
      : '';
  return `the pool's own read timeout, as set in the scenario${cut}`;
}

/** Attempts after the first: the pool's `maxRetries`, else the snippet's client's default (0 where it retries nothing). */
export function retryCount(pool: PoolSizing, client: ClientFacts): number {
  return pool.maxRetries ?? client.path.retries?.max ?? 0;
}

/** The waits before each retry, as the client computes them: min(initial × 2ⁿ, max). */
function delays(n: number, rule: RetryFacts): number[] {
  return Array.from({ length: n }, (_, i) => Math.min(rule.initialSec * 2 ** i, rule.maxSec));
}

/** The comment on a retry setting, true for its number and the client's backoff. */
export function retryRemark(n: number, client: ClientFacts): string {
  const rule = client.path.retries;
  const byDefault = rule && rule.max !== n ? ` (the default is ${rule.max})` : '';
  if (n === 0) return `no retry: a request that hits a connection the path closed fails${byDefault}`;
  const what = `${n} ${n === 1 ? 'retry' : 'retries'}: a request that fails on a connection the path closed, or times out, is sent again on a new one`;
  if (!rule) return `${what}${byDefault}`;
  const waits = delays(n, rule);
  const shown = waits.slice(0, 5).map((d) => (d === 0 ? 'at once' : `${sec(d)} s`));
  const more = waits.length > 5 ? `, then ${sec(rule.maxSec)} s before each of the other ${waits.length - 5}` : '';
  const jitter = rule.jitter > 0 && waits.some((d) => d > 0) ? ` (each up to ${formatNumber(rule.jitter * 100, 0)} % shorter at random)` : '';
  const after = waits.every((d) => d === 0) ? ', at once' : `, after ${shown.join(', ')}${more}${jitter}`;
  return `${what}${after}${byDefault}`;
}

/** TCP keep-alive the snippet writes for a pool: probes every `sec` idle seconds, or none (the pool says 0). */
export interface TcpKeepalive {
  /** Idle seconds before the first probe and between unanswered probes, whole seconds; null = turn probes off. */
  sec: number | null;
  /** The comment: the rule and the hop it is for. */
  remark: string;
}

/**
 * What TCP keep-alive the snippet writes for `pool`: what the pool sets (`tcpKeepaliveSec`, 0 = turn
 * the library's probes off), else undefined — the library's default, which is what the page simulates.
 */
export function tcpKeepalivePlan(input: SnippetInput, pool: PoolSizing, client: ClientFacts): TcpKeepalive | undefined {
  const own = pool.tcpKeepaliveSec;
  // The pool sets none: the library's own probes, as the simulator runs them (the proposal writes
  // tcpKeepaliveSec when a NAT needs probes; the keep-alive comment says what the hop does meanwhile).
  if (own === undefined) return undefined;
  const hop = shortestSilentHop(input);
  const where = hop ? `${hopName(hop.hop, hop.index)} forgets a flow idle ${sec(hop.hop.idleSec)} s without telling either end` : '';
  if (own === 0) {
    const risk = hop ? `; ${where}, and nothing here keeps one open: ${closeConsequence(hop.hop, pool.readTimeoutSec, retryCount(pool, client))}, and a read silent that long hangs` : '';
    return { sec: null, remark: `no TCP keep-alive probes, as the pool sets${risk}` };
  }
  const verdict = hop
    ? own < hop.hop.idleSec
      ? `; ${where}: a probe every ${own} s keeps it`
      : `; ${where}, before the first probe: the probes do not keep it`
    : '';
  return { sec: own, remark: `TCP keep-alive probes after ${own} s idle, then every ${own} s, as the pool sets${verdict}` };
}

/** Probe period the generated sockets end up with: the plan's where the snippet can set it, else the library's default. */
export function probeSecFor(input: SnippetInput, pool: PoolSizing, client: ClientFacts): number | null {
  const plan = client.path.canSetTcpKeepalive ? tcpKeepalivePlan(input, pool, client) : undefined;
  return plan ? plan.sec : client.path.tcpKeepaliveSec;
}
