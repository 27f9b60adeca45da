/** "Use as my pool": what the code sets is written; what it leaves to run time keeps the scenario's value and is named. */
import { describe, expect, it } from 'vitest';
import { audit } from '../../../src/core/audit/index.ts';
import { adoptAudited } from '../../../src/core/audit/adopt.ts';
import { defaultScenario } from '../../../src/core/index.ts';

const first = (text: string) => audit([{ name: 'app.py', text }]).clients[0]!;

describe('adoptAudited', () => {
  it('should write the client and every pool field the code sets', () => {
    const client = first('import httpx2\nclient = httpx2.AsyncClient(limits=httpx2.Limits(max_connections=40, max_keepalive_connections=12, keepalive_expiry=30), timeout=httpx2.Timeout(60, pool=5))\n');
    const r = adoptAudited(defaultScenario(), client);
    if (!r.ok) throw new Error(r.reason);
    expect(r.scenario.client).toBe('httpx2');
    expect(r.scenario.pool).toMatchObject({ maxConnections: 40, maxKeepalive: 12, keepaliveSec: 30, poolTimeoutSec: 5, protocol: 'h1' });
    expect(r.kept).toEqual([]);
  });

  it('should keep the scenario’s value for a field set at run time, and say so', () => {
    const client = first('import httpx2\nfrom settings import cfg\nclient = httpx2.AsyncClient(limits=httpx2.Limits(max_connections=cfg.max_conn, max_keepalive_connections=8))\n');
    expect(client.pools[0]!.maxConnections).toBe('unknown');
    const s = defaultScenario();
    const r = adoptAudited(s, client);
    if (!r.ok) throw new Error(r.reason);
    expect(r.scenario.pool.maxConnections).toBe(s.pool.maxConnections);
    expect(r.scenario.pool.maxKeepalive).toBe(8);
    expect(r.kept).toEqual([`max connections ${s.pool.maxConnections}`]);
  });

  it('should refuse a client with no pool and say why', () => {
    const client = { ...first('import httpx\nc = httpx.AsyncClient()\n'), pools: [] };
    expect(adoptAudited(defaultScenario(), client)).toEqual({ ok: false, reason: expect.stringContaining('no') });
  });
});
