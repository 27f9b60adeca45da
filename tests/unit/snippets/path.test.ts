/**
 * The snippets on the path (issue #17): per-pool read timeouts, retries with a comment true for their
 * number, TCP keep-alive where a hop forgets idle flows silently (or the pool sets it), and a
 * keep-alive comment that names the hop closing idle connections first. Every rule has a test that
 * fails when it breaks; the generated code still parses (TypeScript compiler, Python ast).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyProposal, buildSnippetInput, findSnippetTarget, formulaProposal, LANGUAGES, parseScenario, SNIPPET_TARGETS, type Scenario } from '../../../src/core/index.ts';
import { pythonSyntaxErrors, tempDir, tscSyntaxErrors } from './harness.ts';

function scenario(input: Record<string, unknown>): Scenario {
  const result = parseScenario({ version: 2, ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

const gen = (id: string, s: Scenario) => findSnippetTarget(id)!.generate(buildSnippetInput(s));
const nat = (pool: Record<string, unknown> = {}, client?: string) =>
  scenario({ ...(client ? { client } : {}), network: { middleboxes: [{ kind: 'aws-nat' }, { kind: 'cloudflare' }] }, pool: { keepaliveSec: 120, ...pool } });
/** The scenario with the formula's proposal applied: behind a NAT it sets the pool's TCP keep-alive. */
const recommended = (s: Scenario) => applyProposal(s, formulaProposal(s));
const direct = (pool: Record<string, unknown> = {}, client?: string) => scenario({ ...(client ? { client } : {}), pool: { keepaliveSec: 120, ...pool } });

/** The TCP keep-alive period each target writes, or undefined when it writes none. */
const PROBE: Record<string, RegExp> = {
  httpx: /socket_options=_tcp_keepalive\((\d+)\)/,
  'httpx-sync': /socket_options=_tcp_keepalive\((\d+)\)/,
  httpx2: /socket_options=_tcp_keepalive\((\d+)\)/,
  'httpx2-sync': /socket_options=_tcp_keepalive\((\d+)\)/,
  'openai-py': /socket_options=_tcp_keepalive\((\d+)\)/,
  'anthropic-py': /socket_options=_tcp_keepalive\((\d+)\)/,
  aiohttp: /socket_factory=_tcp_keepalive_socket\((\d+)\)/,
  litellm: /os\.environ\["AIOHTTP_TCP_KEEPIDLE"\] = "(\d+)"/,
  undici: /keepAlive: true, keepAliveInitialDelay: (\d+)_000 \}/,
  undici7: /keepAlive: true, keepAliveInitialDelay: (\d+)_000 \}/,
  'openai-ts': /keepAlive: true, keepAliveInitialDelay: (\d+)_000 \}/,
  'anthropic-ts': /keepAlive: true, keepAliveInitialDelay: (\d+)_000 \}/,
  'go-nethttp': /KeepAlive: +(\d+) \* time\.Second, \/\/ TCP keep-alive probes after/,
  okhttp: /\.socketFactory\(new KeepAliveSocketFactory\((\d+)\)\)/,
};
const probe = (id: string, code: string) => {
  const m = PROBE[id]?.exec(code);
  return m ? Number(m[1]) : undefined;
};

describe('TCP keep-alive on a path with a silent hop', () => {
  it('should write the recommended pool’s probes below the AWS NAT gateway’s 350 s in every target that can set them, naming the hop', () => {
    const s = recommended(nat());
    expect(s.pool.tcpKeepaliveSec).toBe(60);
    for (const id of Object.keys(PROBE)) {
      const code = gen(id, s);
      const n = probe(id, code);
      expect(n, id).toBe(60);
      expect(n!, id).toBeLessThan(350 / 2); // one lost probe still leaves the flow idle less than the limit
      expect(code, id).toContain('the AWS NAT gateway forgets a flow idle 350 s');
    }
  });

  it('should write no probes the pool does not set: the library’s own, as the page simulates them', () => {
    for (const id of ['httpx2', 'httpx', 'aiohttp', 'undici', 'okhttp']) expect(probe(id, gen(id, nat())), id).toBeUndefined();
    expect(gen('go-nethttp', nat())).toContain('KeepAlive: 30 * time.Second, // TCP keep-alive probes, as http.DefaultTransport');
    // The keep-alive comment says what the NAT does to the pool as it stands.
    expect(gen('httpx2', nat({ keepaliveSec: 600 }))).toContain('the AWS NAT gateway silently forgets connections idle 350 s, before this');
  });

  it('should guard the Linux-only socket options so the Python module runs on a Mac', () => {
    const code = gen('httpx2', recommended(nat()));
    expect(code).toContain('import socket');
    expect(code).toMatch(/if hasattr\(socket, "TCP_KEEPIDLE"\):[^\n]*\n\s+options\.append\(\(socket\.IPPROTO_TCP, socket\.TCP_KEEPIDLE, idle_sec\)\)/);
    expect(code).toMatch(/elif hasattr\(socket, "TCP_KEEPALIVE"\):/);
    expect(code).toContain('(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)');
    // httpx ignores the client's limits once it has a transport: they move into it.
    expect(code).toMatch(/transport=httpx2\.AsyncHTTPTransport\([^\n]*\n\s+limits=httpx2\.Limits\(/);
    expect(gen('httpx2-sync', recommended(nat()))).toContain('transport=httpx2.HTTPTransport(');
  });

  it('should say where the library cannot set probes, and what the NAT then does to a silent read', () => {
    for (const id of ['openai-py-aiohttp', 'anthropic-py-aiohttp']) {
      const code = gen(id, nat());
      expect(code).toContain('No TCP keep-alive: DefaultAioHttpClient');
      expect(code).not.toContain('_tcp_keepalive');
    }
    expect(gen('okhttp', nat())).toContain("The SDKs' builders take no SocketFactory");
  });

  it('should write no keep-alive lines without a silent hop, and keep Go’s default dialer line', () => {
    for (const s of [direct(), scenario({ network: { middleboxes: [{ kind: 'aws-alb' }, { kind: 'cloudflare' }] } })]) {
      for (const t of SNIPPET_TARGETS) {
        const code = t.generate(buildSnippetInput(s));
        expect(code, t.id).not.toMatch(/_tcp_keepalive|keepAliveInitialDelay|KeepAliveSocketFactory|AIOHTTP_SO_KEEPALIVE|import socket|No TCP keep-alive/);
      }
      expect(gen('go-nethttp', s)).toContain('KeepAlive: 30 * time.Second, // TCP keep-alive probes, as http.DefaultTransport');
    }
  });

  it('should take the pool’s tcpKeepaliveSec, and say when it is too long for the hop', () => {
    expect(probe('httpx2', gen('httpx2', nat({ tcpKeepaliveSec: 100 })))).toBe(100);
    expect(gen('httpx2', nat({ tcpKeepaliveSec: 100 }))).toContain('a probe every 100 s keeps it');
    const late = gen('undici', nat({ tcpKeepaliveSec: 400 }));
    expect(late).toContain('keepAliveInitialDelay: 400_000');
    expect(late).toContain('before the first probe: the probes do not keep it');
    // Set without a silent hop: written as set.
    expect(probe('undici', gen('undici', direct({ tcpKeepaliveSec: 45 })))).toBe(45);
    // 0 turns the library's default probes off, and says what that costs behind the NAT.
    const off = gen('undici', nat({ tcpKeepaliveSec: 0 }));
    expect(off).toMatch(/connect: \{ timeout: [\d_]+, keepAlive: false \}, \/\/ no TCP keep-alive probes, as the pool sets; the AWS NAT gateway/);
    expect(gen('go-nethttp', nat({ tcpKeepaliveSec: 0 }))).toMatch(/KeepAlive: +-1, +\/\/ no TCP keep-alive probes/);
    // anthropic's own client probes every 60 s: a transport without socket options turns that off.
    expect(gen('anthropic-py', nat({ tcpKeepaliveSec: 0 }))).toMatch(/# no socket_options: no TCP keep-alive probes, as the pool sets/);
    expect(gen('httpx2', nat({ tcpKeepaliveSec: 0 }))).not.toContain('transport=');
  });

  it('should propose a third of a short silent hop’s limit, and the snippet write it', () => {
    const s = recommended(scenario({ network: { middleboxes: [{ kind: 'custom', idleSec: 45, onIdle: 'silent' }] } }));
    expect(probe('httpx2', gen('httpx2', s))).toBe(15);
    expect(gen('httpx2', s)).toContain('the custom middlebox (hop 1) forgets a flow idle 45 s');
  });
});

describe('retries', () => {
  it('should write the SDKs’ default 2 retries with their backoff, and 0 with its consequence', () => {
    expect(gen('anthropic-py', direct())).toContain('max_retries=2,  # 2 retries: a request that fails on a connection the path closed, or times out, is sent again on a new one, after 0.5 s, 1 s');
    const none = direct({ maxRetries: 0 }, 'anthropic-py');
    expect(gen('anthropic-py', none)).toContain('max_retries=0,  # no retry: a request that hits a connection the path closed fails (the default is 2)');
    expect(gen('openai-ts', none)).toContain('maxRetries: 0, // no retry');
    expect(gen('go-nethttp', direct({ maxRetries: 0 }, 'openai-go'))).toContain('option.WithMaxRetries(0))');
    expect(gen('okhttp', direct({ maxRetries: 0 }, 'openai-java'))).toContain('.maxRetries(0).build();');
    expect(gen('okhttp', direct({ maxRetries: 0 }, 'okhttp'))).toContain('.retryOnConnectionFailure(false) // no retry');
  });

  it('should give every delay of a longer retry budget, capped at the SDK’s 8 s', () => {
    const code = gen('openai-py-aiohttp', direct({ maxRetries: 6 }, 'openai-py-aiohttp'));
    expect(code).toContain('max_retries=6,  # 6 retries: a request that fails on a connection the path closed, or times out, is sent again on a new one, after 0.5 s, 1 s, 2 s, 4 s, 8 s, then 8 s before each of the other 1');
  });

  it('should write no retry option in the raw clients', () => {
    for (const id of ['httpx', 'httpx2', 'httpx2-sync', 'aiohttp', 'undici', 'undici7']) expect(gen(id, direct()), id).not.toMatch(/max_retries|maxRetries/);
    expect(gen('okhttp', direct())).not.toContain('retryOnConnectionFailure');
  });
});

describe('read timeout per pool', () => {
  it('should write the pool’s own read timeout, and the derived one for a pool that sets none', () => {
    const s = scenario({
      workload: { classes: [{ name: 'chat', share: 1, duration: { dist: 'constant', meanSec: 2 } }, { name: 'batch', share: 1, duration: { dist: 'constant', meanSec: 2 }, pool: 'batch' }] },
      pool: { readTimeoutSec: 42 },
      pools: [{ name: 'batch' }],
    });
    const derived = buildSnippetInput(s).readTimeoutSec;
    expect(derived).toBe(300);
    expect(gen('httpx2', s)).toMatch(/shared_client = [\s\S]*read=42\.0,  # max silence between chunks: the pool's own read timeout[\s\S]*batch_client = [\s\S]*read=300\.0,/);
    expect(gen('undici', s)).toMatch(/sharedAgent = [\s\S]*headersTimeout: 42_000,[\s\S]*bodyTimeout: 42_000,[\s\S]*batchAgent = [\s\S]*headersTimeout: 300_000,/);
    expect(gen('anthropic-ts', s)).toMatch(/timeout: 42_000,[\s\S]*timeout: 300_000,/);
    expect(gen('aiohttp', s)).toMatch(/sock_read=42\.0,[\s\S]*sock_read=300\.0,/);
    expect(gen('openai-py-aiohttp', s)).toMatch(/read=42\.0,[\s\S]*read=300\.0,/);
    expect(gen('go-nethttp', s)).toMatch(/ResponseHeaderTimeout: 42 \* time\.Second,[\s\S]*ResponseHeaderTimeout: 300 \* time\.Second,/);
    expect(gen('okhttp', s)).toMatch(/\.readTimeout\(42, TimeUnit\.SECONDS\)[\s\S]*\.readTimeout\(300, TimeUnit\.SECONDS\)/);
    expect(gen('httpx2', s)).toContain('# Timeouts: read 300 s (3 × the slowest class\'s p99 of 2 s, at least 300 s, so long streams are not cut) where a pool sets none; pool "shared" 42 s as the pools set it; connect 10 s.');
  });

  it('should warn when the pool’s read timeout is below the slowest class’s p99', () => {
    const s = scenario({ workload: { classes: [{ name: 'reasoning', share: 1, duration: { dist: 'constant', meanSec: 90 } }] }, pool: { readTimeoutSec: 30 } });
    expect(gen('httpx2', s)).toContain("read=30.0,  # max silence between chunks: the pool's own read timeout, as set in the scenario; below the slowest class's p99 of 90 s: a reply silent that long is cut");
  });
});

describe('the keep-alive comment against every hop', () => {
  it('should name the hop that closes idle connections first, its limit and what follows', () => {
    const alb = scenario({ network: { middleboxes: [{ kind: 'aws-alb' }, { kind: 'server', idleSec: 90 }] }, pool: { keepaliveSec: 120 } });
    expect(gen('httpx2', alb)).toContain(
      'keepalive_expiry=120.0,  # outlasts the users\' 30 s mean think time, so their next request finds a warm socket; the AWS Application Load Balancer closes idle connections after 60 s, before this: the client sees the FIN and reconnects (one handshake more), and a request crossing the close fails',
    );
    expect(gen('anthropic-py', alb)).toContain('and a request crossing the close fails and is sent again');
    // The server alone, as before the path.
    const server = scenario({ network: { middleboxes: [{ kind: 'server', idleSec: 90 }] }, pool: { keepaliveSec: 120 } });
    expect(gen('undici', server)).toContain('the server closes idle connections after 90 s, before this');
  });

  it('should say a silent hop hangs the next request until the read timeout, unless probes keep the flow', () => {
    const silent = (pool: Record<string, unknown>) => scenario({ network: { middleboxes: [{ kind: 'azure-lb' }] }, pool: { keepaliveSec: 600, ...pool } });
    const off = gen('httpx2', silent({ tcpKeepaliveSec: 0 }));
    expect(off).toContain('the Azure Load Balancer silently forgets connections idle 240 s, before this: nobody notices: the next request on it hangs until the read timeout (300 s), then fails');
    // With the recommended probes every 60 s the balancer never sees the flow idle: no such warning.
    expect(gen('httpx2', silent({ tcpKeepaliveSec: 60 }))).not.toContain('silently forgets connections');
    // The SDK on aiohttp cannot probe: the warning stays.
    expect(gen('openai-py-aiohttp', silent({}))).toContain('the Azure Load Balancer silently forgets connections idle 240 s, before this: nobody notices: the next request on it hangs until the read timeout (300 s), then is sent again on a new connection');
    const nat350 = gen('httpx2', nat({ keepaliveSec: 600, tcpKeepaliveSec: 0 }));
    expect(nat350).toContain('the AWS NAT gateway silently forgets connections idle 350 s, before this: nobody notices until the next request on it, which is reset at once (ECONNRESET)');
  });

  it('should say nothing of a hop whose limit the keep-alive stays under, and keep the number as set', () => {
    const s = scenario({ network: { middleboxes: [{ kind: 'cloudflare' }] }, pool: { keepaliveSec: 300 } });
    for (const t of SNIPPET_TARGETS) expect(t.generate(buildSnippetInput(s)), t.id).not.toContain('before this');
    const over = scenario({ network: { middleboxes: [{ kind: 'cloudflare' }] }, pool: { keepaliveSec: 500 } });
    expect(gen('go-nethttp', over)).toMatch(/IdleConnTimeout: +500 \* time\.Second, \/\/ .*Cloudflare closes idle connections after 400 s, before this/);
    expect(gen('okhttp', over)).toMatch(/new ConnectionPool\(15, 500, TimeUnit\.SECONDS\)\) \/\/ .*Cloudflare closes idle connections after 400 s, before this/);
  });
});

describe('snippets on the path still parse', () => {
  it('should parse in every target for a NAT path, pool-set probes, retries and read timeouts', () => {
    const scenarios = [
      nat(),
      nat({ tcpKeepaliveSec: 0, maxRetries: 0, readTimeoutSec: 12.5 }),
      nat({ tcpKeepaliveSec: 7, maxRetries: 4, tenants: 3, maxConnections: 30, perTenantMaxConnections: 10 }),
      scenario({ network: { middleboxes: [{ kind: 'custom', idleSec: 2, onIdle: 'silent' }] }, pools: [{ name: 'batch', tcpKeepaliveSec: 30 }] }),
    ];
    const dir = tempDir();
    const js: string[] = [];
    const py: string[] = [];
    scenarios.forEach((s, i) => {
      for (const t of SNIPPET_TARGETS) {
        const code = t.generate(buildSnippetInput(s));
        if (t.language === 'python') py.push(code);
        else if (t.language === 'javascript' || t.language === 'typescript') {
          const file = join(dir, `s${i}-${t.id}.${LANGUAGES[t.language].extension}`);
          writeFileSync(file, code);
          js.push(file);
        }
      }
    });
    expect(pythonSyntaxErrors(py)).toEqual([]);
    expect(tscSyntaxErrors(js)).toBe('');
  }, 120_000);
});
