/**
 * Advice that holds on the path: the proposed keep-alive ends before the first hop that would end
 * an idle connection, TCP keep-alive is proposed behind a NAT when the client can send probes, and
 * the verdict and the comparison say what the path costs from the simulated counts.
 */
import { describe, expect, it } from 'vitest';
import { applyProposal, compareDifferences, findClient, formulaProposal, poolVerdicts, simulate, withClientDefaults, type ScenarioInput } from '../../../src/core/index.ts';
import { scenario } from '../sim/helpers.ts';

type Hops = NonNullable<NonNullable<ScenarioInput['network']>['middleboxes']>;
const behind = (middleboxes: Hops, extra: Omit<ScenarioInput, 'version'> = {}) =>
  scenario({ ...extra, network: { ...extra.network, middleboxes }, sim: { requests: 3_000, ...extra.sim } });

describe('advice on the path', () => {
  it('should propose a keep-alive below an ALB’s 60 s idle limit, not the 120 s the default pool has', () => {
    const s = behind([{ kind: 'aws-alb' }]);
    expect(s.pool.keepaliveSec).toBe(120);
    expect(formulaProposal(s).pools[0]!.keepaliveSec).toBe(55);
    expect(formulaProposal(behind([])).pools[0]!.keepaliveSec).toBe(120);
  });

  it('should propose TCP keep-alive probes behind a NAT for a client without them, and leave the keep-alive alone', () => {
    const s = behind([{ kind: 'aws-nat' }], { client: 'httpx2' });
    const proposal = formulaProposal(s).pools[0]!;
    expect(proposal.tcpKeepaliveSec).toBe(60);
    expect(proposal.keepaliveSec).toBe(120);
    // undici probes every 60 s by default: nothing to add.
    expect(formulaProposal(behind([{ kind: 'aws-nat' }], { client: 'undici' })).pools[0]!.tcpKeepaliveSec).toBeUndefined();
  });

  it('should clamp the keep-alive instead when the client cannot set probes (the Python SDKs on aiohttp)', () => {
    const proposal = formulaProposal(behind([{ kind: 'aws-nat' }], { client: 'openai-py-aiohttp', pool: { keepaliveSec: 600 } })).pools[0]!;
    expect(proposal.tcpKeepaliveSec).toBeUndefined();
    expect(proposal.keepaliveSec).toBe(345);
  });

  it('should judge a pool that loses requests behind a NAT as bad, and the applied proposal as good', () => {
    const s = behind([{ kind: 'aws-nat' }], {
      client: 'httpx2',
      workload: { arrival: { kind: 'users', users: 5, thinkSec: 500, thinkDist: 'constant' } },
      pool: { maxConnections: 10, maxKeepalive: 10, keepaliveSec: 900 },
    });
    const before = poolVerdicts(s, simulate(s)).find((v) => v.key === 'path')!;
    expect(before.verdict).toBe('bad');
    expect(before.advice).toMatch(/requests were sent on a connection the path had already closed or forgotten .*keep-alive 900 s outlasts the AWS NAT gateway’s 350 s/);
    expect(before.advice).toMatch(/Apply the proposal: TCP keep-alive probes every 60 s\.$/);
    const fixed = applyProposal(s, formulaProposal(s));
    const after = poolVerdicts(fixed, simulate(fixed)).find((v) => v.key === 'path')!;
    expect(after.verdict).toBe('good');
  });

  it('should show no path verdict without a middlebox', () => {
    const s = behind([]);
    expect(poolVerdicts(s, simulate(s)).map((v) => v.key)).not.toContain('path');
  });

  it('should say in one sentence what a keep-alive longer than the hop’s limit loses, and what the recommended pool does', () => {
    const hops: Hops = [{ kind: 'custom', idleSec: 30, onIdle: 'silent-rst' }];
    const input = (keepaliveSec: number): Omit<ScenarioInput, 'version'> => ({
      client: 'httpx2',
      workload: { arrival: { kind: 'users', users: 5, thinkSec: 40, thinkDist: 'constant' } },
      pool: { maxConnections: 10, maxKeepalive: 10, keepaliveSec },
    });
    const long = behind(hops, input(60));
    const short = behind(hops, input(20));
    const client = findClient('httpx2')!;
    const today = simulate(withClientDefaults(long, client));
    const lost = simulate(long);
    const kept = simulate(short);
    // httpx2's own 5 s keep-alive retires connections before the 30 s limit: the defaults lose nothing here.
    expect(today.failedRequests).toBe(0);
    expect(lost.failedRequests).toBeGreaterThan(0);
    expect(kept.failedRequests).toBe(0);
    const sentences = compareDifferences(long, client, { today, yours: lost, recommended: kept }, { name: 'shared', maxConnections: 10, maxKeepalive: 10, keepaliveSec: 20 });
    const path = sentences.find((d) => d.id === 'path' && d.between === 'yours→recommended')!;
    expect(path.text).toMatch(/^On this path, with your pool \d+(\.\d)? % of requests are sent on a connection the path had closed, \d+(\.\d)? % fail; with the recommended pool no request meets a connection the path closed\.$/);
    expect(sentences.find((d) => d.id === 'path' && d.between === 'today→yours')).toBeUndefined();
  });
});
