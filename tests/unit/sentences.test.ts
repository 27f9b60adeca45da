/**
 * Every sentence the page shows is a function of the numbers beside it: each is pinned here to a
 * case where it must appear and one where it must not.
 */
import { describe, expect, it } from 'vitest';
import {
  answerSentence,
  applyProposal,
  computeFormula,
  compareDifferences,
  describePoolChanges,
  explain,
  findClient,
  formulaProposal,
  parseScenario,
  poolVerdicts,
  presetScenario,
  recommendForTarget,
  simulate,
  targetProposal,
  withClientDefaults,
  withRequests,
  type Scenario,
} from '../../src/core/index.ts';
import { runSizeSentence } from '../../src/store/simSelectors.ts';
import { scenarioOf } from './scenarioOf.ts';


const verdict = (s: Scenario, key: string) => poolVerdicts(s, simulate(s)).find((v) => v.key === key)!;

describe('verdicts on the simulated pool', () => {
  it('should show the target-meeting size as meeting the target, and its peaks as a note, not a failure', () => {
    const s = presetScenario('chat-app')!;
    const proposal = targetProposal(s, recommendForTarget(s))!;
    const applied = applyProposal(s, proposal);
    const wait = verdict(applied, 'wait');
    expect(wait.verdict).toBe('good');
    expect(wait.advice).toContain('Meets your target (p99 queue wait ≤ 100 ms)');
    expect(verdict(applied, 'peak').verdict).not.toBe('bad');
  });

  it('should fail a pool that misses the target and say so against the target', () => {
    const s = scenarioOf({ pool: { maxConnections: 20, maxKeepalive: 10 } });
    const wait = verdict(s, 'wait');
    expect(wait.verdict).toBe('bad');
    expect(wait.advice).toContain('Misses your target');
    expect(wait.advice).not.toContain('any wait above zero');
  });

  it('should blame httpx 0.28’s idle rule only for httpx 0.28 with a kept-idle cap below the connection cap', () => {
    const users = { kind: 'users' as const, users: 8, thinkSec: 0.4 };
    const classes = [{ name: 'api', share: 1, duration: { dist: 'constant' as const, meanSec: 0.15 } }];
    const httpx = scenarioOf({ client: 'httpx', workload: { arrival: users, classes }, pool: { maxConnections: 5, maxKeepalive: 1, keepaliveSec: 5 }, sim: { requests: 20_000 } });
    const reuse = verdict(httpx, 'reuse');
    expect(reuse.verdict).toBe('bad');
    expect(reuse.advice).toContain('httpx 0.28 closes idle connections while all open ones exceed max_keepalive (1)');
    const httpx2 = { ...httpx, client: 'httpx2' as const };
    expect(verdict(httpx2, 'reuse').advice).not.toContain('httpx 0.28');
  });

  it('should not judge keep-alive by one user’s think time when the shared pool keeps connections busy', () => {
    // 100 users pausing 30 s with a 5 s keep-alive: each user is idle long, each connection is not.
    const s = scenarioOf({ pool: { keepaliveSec: 5 }, sim: { requests: 30_000 } });
    const reuse = verdict(s, 'reuse');
    expect(reuse.verdict).toBe('good');
    expect(reuse.advice).not.toContain('close before they are reused');
  });
});

describe('differences between today, your pool and the recommendation', () => {
  const single = (client: string) =>
    scenarioOf({
      client: client as Scenario['client'],
      workload: { arrival: { kind: 'users', users: 1, thinkSec: 30 } },
      pool: { maxConnections: 5, maxKeepalive: 3, keepaliveSec: 120 },
      sim: { requests: 2_000 },
    });

  const differences = (s: Scenario) => {
    const client = findClient(s.client)!;
    const proposal = formulaProposal(s);
    const results = { today: simulate(withClientDefaults(s, client)), yours: simulate(s), recommended: simulate(applyProposal(s, proposal)) };
    return compareDifferences(s, client, results, proposal.pools[0]!);
  };

  it('should say the SDK’s 5 s keep-alive is shorter than the 30 s between a single user’s requests', () => {
    const texts = differences(single('anthropic-py')).filter((d) => d.between === 'today→yours').map((d) => d.text);
    expect(texts.join('\n')).toContain('With the Anthropic Python SDK defaults most requests open a new connection: keep-alive 5 s is shorter than the 30 s between this user’s requests');
  });

  it('should not speak of lost reuse when the defaults already reuse as well as your pool', () => {
    const busy = scenarioOf({ client: 'anthropic-py', pool: { keepaliveSec: 5 }, sim: { requests: 20_000 } });
    expect(differences(busy).some((d) => d.between === 'today→yours' && d.id === 'reuse')).toBe(false);
  });

  it('should report pool timeouts of httpx’s 5 s pool timeout under overload, and none when there are none', () => {
    const overloaded = scenarioOf({ client: 'httpx', workload: { arrival: { kind: 'users', users: 300, thinkSec: 1 } }, pool: { maxConnections: 400, maxKeepalive: 400 }, sim: { requests: 20_000 } });
    expect(differences(overloaded).some((d) => d.id === 'timeouts')).toBe(true);
    expect(differences(single('httpx')).some((d) => d.id === 'timeouts')).toBe(false);
  });

  /** A preset's traffic on another client and TLS setting, run short. */
  const preset = (client: string, tls: '1.3' | 'none') => {
    const s = presetScenario('chat-app')!;
    return { ...s, client: client as Scenario['client'], network: { ...s.network, tls }, sim: { ...s.sim, requests: 20_000 } };
  };
  const today = (s: Scenario, id: string) => differences(s).find((d) => d.between === 'today→yours' && d.id === id)?.text ?? '';

  it('should say Go’s 2 idle per host re-dial a burst over HTTP/1.1, with the new connections and handshakes per request', () => {
    const text = today(preset('go-nethttp', 'none'), 'reuse');
    expect(text).toMatch(/^With the Go net\/http defaults \d+ % of requests open a new connection: MaxIdleConnsPerHost 2 keeps at most 2 idle while up to \d+ are open at once, so the rest close as they free up and the next burst re-dials them \(0\.\d\d new connections and [\d.]+ ms of handshakes per request\)\./);
  });

  it('should not blame Go’s idle cap over TLS, where HTTP/2 carries the burst on one connection, nor a client without one', () => {
    expect(differences(preset('go-nethttp', '1.3')).map((d) => d.text).join('\n')).not.toContain('MaxIdleConnsPerHost');
    expect(differences(preset('httpx2', 'none')).map((d) => d.text).join('\n')).not.toContain('re-dials');
  });

  it('should say raw OkHttp’s Dispatcher queues calls above 5 per host, with the wait figures', () => {
    const text = today(preset('okhttp', 'none'), 'queue');
    expect(text).toMatch(/^With the OkHttp defaults the Dispatcher runs at most 5 calls per host \(maxRequestsPerHost\) and queues the rest: \d+ % of calls wait, [\d,]+ s on average and [\d,]+ s for the slowest 1 %; with your pool the slowest 1 % wait [\d,.]+ m?s\.$/);
  });

  it('should not speak of a call queue when the per-host cap is not what makes calls wait (the Java SDKs lift it to 64)', () => {
    expect(differences(preset('openai-java', 'none')).some((d) => d.id === 'queue')).toBe(false);
    expect(differences(preset('httpx2', 'none')).some((d) => d.id === 'queue')).toBe(false);
  });

  it('should list what the exported pool changes from the client’s defaults', () => {
    const s = single('undici');
    expect(describePoolChanges(s, findClient('undici')!)).toEqual([
      'max connections 5 (default no cap)',
      'keep-alive 120 s (default 4 s)',
      'HTTP/1.1 (default HTTP/2)',
    ]);
    expect(describePoolChanges(withClientDefaults(s, findClient('httpx')!), findClient('httpx')!)).toEqual([]);
  });
});

describe('the target explanation', () => {
  it('should quote the headroom field, not a fixed 10 %', () => {
    const s = scenarioOf({ sizing: { headroom: 0.05 } });
    expect(explain(s, 29, 31, true)).toContain('5 % headroom');
    expect(explain(s, 29, 31, true)).not.toContain('10 %');
  });

  it('should name the per-tenant cap when it is what stops the target, and only then', () => {
    const tenants = presetScenario('multi-tenant')!;
    expect(explain(tenants, 200, 3200, false)).toContain('each tenant is capped at 10 connections');
    expect(explain(scenarioOf({}), 30, 480, false)).not.toContain('tenant');
    expect(explain(scenarioOf({}), 30, 480, false)).not.toContain('response times alone');
  });
});

describe('the answer card sentence', () => {
  it('should state the formula’s figures and the pool’s, and say how they compare', () => {
    const s = presetScenario('chat-app')!;
    const f = computeFormula(s);
    expect(answerSentence(s, f)).toBe(
      'At the peak the formula puts 26.7 requests in flight: 27 connections, 30 with 10 % headroom. Your pool allows 30 connections (the formula’s size) and keeps 15 idle.',
    );
    const small = { ...s, pool: { ...s.pool, maxConnections: 12, maxKeepalive: 6 } };
    expect(answerSentence(small, computeFormula(small))).toContain('Your pool allows 12 connections (fewer than the formula’s 30) and keeps 6 idle.');
    const big = { ...s, pool: { ...s.pool, maxConnections: 50 } };
    expect(answerSentence(big, computeFormula(big))).toContain('Your pool allows 50 connections (more than the formula’s 30)');
    const one = { ...s, pool: { ...s.pool, maxConnections: 1, maxKeepalive: 1 } };
    expect(answerSentence(one, computeFormula(one))).toContain('Your pool allows 1 connection (fewer than the formula’s 30) and keeps 1 idle.');
  });

  it('should name the main pool only when there are several', () => {
    const batch = presetScenario('batch')!;
    expect(batch.pools.length).toBeGreaterThan(0);
    expect(answerSentence(batch, computeFormula(batch))).toContain(`in flight for the ${batch.pool.name} pool:`);
    const chat = presetScenario('chat-app')!;
    expect(answerSentence(chat, computeFormula(chat))).not.toContain(' pool:');
  });
});

describe('how many requests the figures rest on', () => {
  it('should state the sweep size only once the sweeps have landed', () => {
    expect(runSizeSentence(90_000, { search: 100_000, layouts: 40_000, keepalive: 10_000 })).toBe(
      '90,000 requests measured after warm-up; per run, the target search and the size sweep use 100,000 requests, the layout comparison 40,000 and the keep-alive sweep 10,000.',
    );
    expect(runSizeSentence(90_000, { search: 0, layouts: 40_000, keepalive: 10_000 })).toBe('90,000 requests measured after warm-up.');
    expect(runSizeSentence(1, { search: 0, layouts: 0, keepalive: 0 })).toBe('1 request measured after warm-up.');
    expect(runSizeSentence(0, { search: 100, layouts: 100, keepalive: 100 })).toBeNull();
  });
});
