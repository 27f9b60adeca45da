/**
 * The aiohttp rows of the clients table against aiohttp 3.14 and the SDKs' aiohttp extra in the test
 * venv: TCPConnector's defaults, and what DefaultAioHttpClient hands the connector (max_connections
 * as limit, keepalive_expiry as keepalive_timeout, no idle cap, the pool timeout as ClientTimeout.connect).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findClient } from '../../../src/core/index.ts';
import { ensurePython, runChild, tempDir, childEnv } from '../snippets/harness.ts';

let python = '';
beforeAll(() => {
  python = ensurePython();
}, 600_000);

const probe = `
import asyncio, json, aiohttp, openai, anthropic

async def main():
    out = {}
    c = aiohttp.TCPConnector()
    out["aiohttp"] = {"version": aiohttp.__version__, "limit": c.limit, "limit_per_host": c.limit_per_host, "keepalive": c._keepalive_timeout,
                      "connect": aiohttp.ClientTimeout().connect, "sock_connect": aiohttp.client.DEFAULT_TIMEOUT.sock_connect}
    await c.close()
    for name, mod in (("openai", openai), ("anthropic", anthropic)):
        client = mod.DefaultAioHttpClient()
        transport = client._transport
        session = transport.get_client()
        conn = session.connector
        out[name] = {"limit": conn.limit, "keepalive": conn._keepalive_timeout, "idle_cap_kept": hasattr(conn, "_max_keepalive"),
                     "pool": client.timeout.pool}
        await session.close()
        await client.aclose()
    print(json.dumps(out))

asyncio.run(main())
`;

describe('aiohttp defaults in the clients table', () => {
  it('should match TCPConnector’s and DefaultAioHttpClient’s defaults as installed', async () => {
    const run = await runChild(python, ['-c', probe], { cwd: tempDir(), env: childEnv('X') });
    expect(run.stderr).toBe('');
    const got = JSON.parse(run.stdout) as Record<string, Record<string, unknown>>;
    const raw = findClient('aiohttp')!;
    expect(got.aiohttp).toMatchObject({ limit: raw.defaults.maxConnections, limit_per_host: 0, keepalive: raw.defaults.keepaliveSec, connect: null, sock_connect: raw.defaults.connectTimeoutSec });
    expect(raw.poolLibrary).toBe(`aiohttp ${got.aiohttp!.version}`);
    for (const [sdk, id] of [
      ['openai', 'openai-py-aiohttp'],
      ['anthropic', 'anthropic-py-aiohttp'],
    ] as const) {
      const d = findClient(id)!.defaults;
      // max_keepalive_connections (100) does not reach aiohttp: the table says no idle cap.
      expect(d.maxKeepalive).toBeNull();
      expect(got[sdk]).toMatchObject({ limit: d.maxConnections, keepalive: d.keepaliveSec, idle_cap_kept: false, pool: d.poolTimeoutSec });
    }
  }, 120_000);
});
