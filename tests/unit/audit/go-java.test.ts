/** The Go and Java readers, construct by construct, and their findings; "Use as my pool" on their clients. */
import { describe, expect, it } from 'vitest';
import { adoptAudited } from '../../../src/core/audit/adopt.ts';
import { audit, languageOf } from '../../../src/core/audit/index.ts';
import { defaultScenario } from '../../../src/core/index.ts';

const go = (body: string) => audit([{ name: 'app.go', text: `package main\n\nimport (\n\t"net/http"\n\t"time"\n)\n\n${body}\n` }]);
const java = (body: string) => audit([{ name: 'App.java', text: `import okhttp3.*;\nimport java.util.concurrent.TimeUnit;\n\nclass App {\n${body}\n}\n` }]);
const kinds = (r: ReturnType<typeof audit>) => r.findings.map((f) => f.kind);

describe('the Go reader', () => {
  it('should read a Transport literal with constants and N * time.Second arithmetic', () => {
    const r = go('const n = 16\nvar c = &http.Client{Transport: &http.Transport{MaxIdleConns: n * 4, MaxIdleConnsPerHost: n, MaxConnsPerHost: n * 2, IdleConnTimeout: 3 * 10 * time.Second, ForceAttemptHTTP2: true}}');
    expect(r.clients).toHaveLength(1);
    expect(r.clients[0]).toMatchObject({ client: 'go-nethttp', pools: [{ maxConnections: 32, maxKeepalive: 16, keepaliveSec: 30, protocol: 'h2', poolTimeoutSec: null, perHost: 32 }] });
    expect(kinds(r)).toEqual([]);
  });

  it('should apply field assignments after Clone() over http.DefaultTransport’s defaults', () => {
    const r = go('func newClient() *http.Client {\n\tt := http.DefaultTransport.(*http.Transport).Clone()\n\tt.MaxIdleConnsPerHost = 50\n\treturn &http.Client{Transport: t}\n}');
    expect(r.clients[0]!.pools[0]).toEqual({ maxConnections: null, maxKeepalive: 50, keepaliveSec: 90, protocol: 'h2', poolTimeoutSec: null, perHost: null });
    expect(r.findings).toEqual([]);
  });

  it('should flag 2 idle per host under MaxIdleConns 100 for http.Get and http.DefaultClient, once per pool', () => {
    const r = go('func a() { http.Get("https://x") }\nfunc b() { http.DefaultClient.Do(nil) }');
    expect(r.clients).toHaveLength(1);
    expect(r.clients[0]).toMatchObject({ line: 8, library: 'http.DefaultClient on http.DefaultTransport', pools: [{ maxKeepalive: 2, keepaliveSec: 90, protocol: 'h2' }] });
    const f = r.findings.find((x) => x.kind === 'go-idle-per-host')!;
    expect(f.message).toContain('every burst above 2 concurrent requests to one API closes the surplus connections and re-dials');
    expect(f.source).toMatchObject({ file: 'net/http/transport.go' });
  });

  it('should see fields set on http.DefaultTransport itself', () => {
    const r = go('func init() { http.DefaultTransport.(*http.Transport).MaxIdleConnsPerHost = 100 }\nfunc a() { http.Post("https://x", "", nil) }');
    expect(r.clients.map((c) => c.pools[0]!.maxKeepalive)).toEqual([100]);
    expect(kinds(r)).toEqual([]);
  });

  it('should turn HTTP/2 off for a custom dialer or TLS config without ForceAttemptHTTP2, and say how to fix it', () => {
    const r = go('var t = &http.Transport{TLSClientConfig: nil, DialContext: dial, MaxIdleConnsPerHost: 8}');
    expect(r.clients[0]!.pools[0]!.protocol).toBe('h1');
    expect(r.findings.find((f) => f.kind === 'go-http2-off')).toMatchObject({ line: 8, fix: 'add ForceAttemptHTTP2: true to the Transport' });
    expect(go('var t = &http.Transport{DialContext: dial, ForceAttemptHTTP2: true, MaxIdleConnsPerHost: 8}').clients[0]!.pools[0]!.protocol).toBe('h2');
  });

  it('should read a zero Transport as Go does: 2 idle, no idle timeout, no cap', () => {
    const r = go('var t = &http.Transport{}');
    expect(r.clients[0]!.pools[0]).toEqual({ maxConnections: null, maxKeepalive: 2, keepaliveSec: null, protocol: 'h2', poolTimeoutSec: null, perHost: null });
    expect(kinds(r)).toContain('go-idle-per-host');
  });

  it('should flag a Transport built inside an HTTP handler, not a Client on a shared Transport', () => {
    const per = go('func chat(w http.ResponseWriter, r *http.Request) {\n\tc := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 10}}\n\t_ = c\n}');
    expect(per.findings.find((f) => f.kind === 'go-per-request')).toMatchObject({ line: 9, severity: 'error' });
    expect(per.findings.find((f) => f.kind === 'go-per-request')!.message).toContain('the request handler chat');
    const shared = go('var tr = &http.Transport{MaxIdleConnsPerHost: 10}\nfunc chat(w http.ResponseWriter, r *http.Request) {\n\tc := &http.Client{Transport: tr}\n\t_ = c\n}');
    expect(kinds(shared)).not.toContain('go-per-request');
    const helper = go('func ask() {\n\tt := &http.Transport{MaxIdleConnsPerHost: 4}\n\t_ = t\n}');
    expect(helper.findings.find((f) => f.kind === 'go-per-request')!.message).toContain('ask(), which runs per call');
  });

  it('should read openai-go on http.DefaultClient and with option.WithHTTPClient, anthropic-sdk-go on its own clone', () => {
    const text = 'package main\n\nimport (\n\t"net/http"\n\t"github.com/openai/openai-go/v3"\n\t"github.com/openai/openai-go/v3/option"\n\t"github.com/anthropics/anthropic-sdk-go"\n)\n\nvar hc = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 20, MaxConnsPerHost: 20, ForceAttemptHTTP2: true}}\nvar a = openai.NewClient()\nvar b = openai.NewClient(option.WithHTTPClient(hc))\nvar c = anthropic.NewClient()\n';
    const r = audit([{ name: 'sdk.go', text }]);
    const by = (line: number) => r.clients.find((x) => x.line === line)!;
    expect(by(11)).toMatchObject({ client: 'openai-go', pools: [{ maxKeepalive: 2, keepaliveSec: 90, maxConnections: null }] });
    expect(by(12)).toMatchObject({ client: 'openai-go', pools: [{ maxKeepalive: 20, maxConnections: 20 }] });
    expect(by(13)).toMatchObject({ client: 'anthropic-go', pools: [{ maxKeepalive: 2, keepaliveSec: 90, protocol: 'h2' }] });
    expect(r.clients.some((x) => x.line === 10)).toBe(false);
  });

  it('should leave a field set at run time unknown, never guessed', () => {
    const r = go('var t = &http.Transport{MaxIdleConnsPerHost: cfg.Idle, IdleConnTimeout: time.Duration(os.Getenv("X"))}');
    expect(r.clients[0]!.pools[0]).toMatchObject({ maxKeepalive: 'unknown', keepaliveSec: 'unknown' });
    expect(r.clients[0]!.unknown.join(' ')).toContain('cfg.Idle');
  });
});

describe('the Java reader', () => {
  it('should read new OkHttpClient() as OkHttp’s defaults and flag the 5-per-host Dispatcher', () => {
    const r = java('  static final OkHttpClient C = new OkHttpClient();');
    expect(r.clients[0]).toMatchObject({ client: 'okhttp', line: 5, pools: [{ maxConnections: 5, maxKeepalive: 5, keepaliveSec: 300, protocol: 'h2', perHost: 5 }] });
    expect(r.findings.find((f) => f.kind === 'okhttp-per-host-5')!.message).toContain('the sixth concurrent call to one API waits');
  });

  it('should read a builder’s ConnectionPool and a Dispatcher set up with its setters', () => {
    const r = java('  static final int N = 48;\n  final OkHttpClient c;\n  App() {\n    Dispatcher d = new Dispatcher();\n    d.setMaxRequestsPerHost(N);\n    d.setMaxRequests(N * 2);\n    c = new OkHttpClient.Builder().dispatcher(d).connectionPool(new ConnectionPool(N / 2, 5L * 60, TimeUnit.SECONDS)).build();\n  }');
    expect(r.clients[0]!.pools[0]).toEqual({ maxConnections: 48, maxKeepalive: 24, keepaliveSec: 300, protocol: 'h2', poolTimeoutSec: null, perHost: 48 });
    expect(r.findings).toEqual([]);
  });

  it('should read protocols(HTTP_1_1) and a fixed executor', () => {
    const r = java('  static final OkHttpClient C = new OkHttpClient.Builder().dispatcher(new Dispatcher(Executors.newFixedThreadPool(3))).protocols(Arrays.asList(Protocol.HTTP_1_1)).build();');
    expect(r.clients[0]!.pools[0]).toMatchObject({ maxConnections: 3, protocol: 'h1' });
  });

  it('should flag an OkHttpClient built inside a request handler or per-call method, not one derived with newBuilder()', () => {
    const r = java('  @PostMapping("/chat")\n  String chat() {\n    OkHttpClient c = new OkHttpClient();\n    return "";\n  }');
    expect(r.findings.find((f) => f.kind === 'okhttp-per-request')).toMatchObject({ line: 7, severity: 'error' });
    expect(r.findings.find((f) => f.kind === 'okhttp-per-request')!.message).toContain('the request handler chat');
    const derived = java('  static final OkHttpClient BASE = new OkHttpClient();\n  String ask() {\n    OkHttpClient c = BASE.newBuilder().readTimeout(5, TimeUnit.SECONDS).build();\n    return "";\n  }');
    expect(kinds(derived)).not.toContain('okhttp-per-request');
    expect(derived.clients[1]!.notes.some((n) => n.text.startsWith('shares one pool'))).toBe(true);
  });

  it('should read the OpenAI and Anthropic Java SDK builders with their 64 per host', () => {
    const r = java('  static final var O = OpenAIOkHttpClient.builder().fromEnv().maxIdleConnections(10).keepAliveDuration(Duration.ofSeconds(30)).build();\n  static final var A = AnthropicOkHttpClient.fromEnv();');
    expect(r.clients[0]).toMatchObject({ client: 'openai-java', pools: [{ maxConnections: 64, maxKeepalive: 10, keepaliveSec: 30, protocol: 'h2' }] });
    expect(r.clients[1]).toMatchObject({ client: 'anthropic-java', pools: [{ maxConnections: 64, maxKeepalive: 5, keepaliveSec: 300 }] });
    expect(kinds(r)).toEqual([]);
  });

  it('should read an environment variable’s fallback and leave a run-time value unknown', () => {
    const r = java('  static final OkHttpClient C = new OkHttpClient.Builder().connectionPool(new ConnectionPool(Integer.parseInt(System.getenv().getOrDefault("IDLE", "12")), cfg.keep(), TimeUnit.SECONDS)).build();');
    expect(r.clients[0]!.pools[0]).toMatchObject({ maxKeepalive: 12, keepaliveSec: 'unknown' });
    expect(r.clients[0]!.fromEnv).toEqual([{ field: 'maxKeepalive', variable: 'IDLE' }]);
  });
});

describe('language choice', () => {
  it('should pick the reader by extension, and detect pasted Go and Java', () => {
    expect(languageOf({ name: 'x.go', text: '' })).toBe('go');
    expect(languageOf({ name: 'Y.java', text: '' })).toBe('java');
    expect(languageOf({ name: 'pasted', text: 'package main\n\nfunc main() {}\n' })).toBe('go');
    expect(languageOf({ name: 'pasted', text: 'import okhttp3.OkHttpClient;\n' })).toBe('java');
    expect(languageOf({ name: 'pasted', text: '@app.post("/")\nasync def f(): pass\n' })).toBe('python');
    expect(languageOf({ name: 'pasted', text: 'import { Agent } from "undici";\nclass A {}\n' })).toBe('javascript');
  });
});

describe('“Use as my pool” on Go and Java clients', () => {
  it('should write go-nethttp and its pool; no per-host cap becomes the schema’s largest', () => {
    const client = go('var c = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 40, MaxConnsPerHost: 40, IdleConnTimeout: 30 * time.Second, ForceAttemptHTTP2: true}}').clients[0]!;
    const r = adoptAudited(defaultScenario(), client);
    if (!r.ok) throw new Error(r.reason);
    expect(r.scenario.client).toBe('go-nethttp');
    expect(r.scenario.pool).toMatchObject({ maxConnections: 40, maxKeepalive: 40, keepaliveSec: 30, protocol: 'h2' });
    // A zero Transport never expires idle connections: the longest keep-alive the scenario takes, not 0.
    const zero = adoptAudited(defaultScenario(), go('var t = &http.Transport{MaxConnsPerHost: 10}').clients[0]!);
    if (!zero.ok) throw new Error(zero.reason);
    expect(zero.scenario.pool).toMatchObject({ maxConnections: 10, maxKeepalive: 2, keepaliveSec: 86_400 });
  });

  it('should write okhttp, openai-java and openai-go with their pools', () => {
    for (const [client, id, pool] of [
      [java('  static final OkHttpClient C = new OkHttpClient();').clients[0]!, 'okhttp', { maxConnections: 5, maxKeepalive: 5, keepaliveSec: 300 }],
      [java('  static final var O = OpenAIOkHttpClient.fromEnv();').clients[0]!, 'openai-java', { maxConnections: 64, maxKeepalive: 5 }],
      [audit([{ name: 'a.go', text: 'package main\nvar c = openai.NewClient()\n' }]).clients[0]!, 'openai-go', { maxKeepalive: 2, keepaliveSec: 90 }],
    ] as const) {
      const r = adoptAudited(defaultScenario(), client);
      if (!r.ok) throw new Error(r.reason);
      expect(r.scenario.client).toBe(id);
      expect(r.scenario.pool).toMatchObject(pool);
    }
  });
});
