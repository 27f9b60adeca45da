/**
 * AiPool.java: one OkHttpClient per pool (per tenant when split), its Dispatcher and ConnectionPool
 * sized from the scenario. postJson sends through enqueue, the only path the Dispatcher caps, and
 * reads the body before the call ends, so the per-host cap bounds the open connections too. The
 * builder calls used are the same in OkHttp 3.13 and 5.x (OKHTTP_RULES.dispatcher5 / pool5).
 */
import { formatNumber } from '../../../format.ts';
import { cite, keepaliveRemark, tenantRemark } from '../../../snippets/comments.ts';
import { commentText, jsIdentifier } from '../../../snippets/escape.ts';
import { header } from '../../../snippets/header.ts';
import { clientCaps, type PoolSizing, type SnippetInput } from '../../../snippets/input.ts';
import { hopName, ownReadTimeoutRemark, retryCount, retryRemark, shortestSilentHop, tcpKeepalivePlan } from '../../../snippets/path.ts';
import { ANTHROPIC_JAVA_CLIENT, JAVA_SDK_WIRING, OKHTTP_CLIENT, OKHTTP_RULES, OPENAI_JAVA_CLIENT } from '../facts.ts';
import { javaComments, javaDuration, javaString } from './javaEscape.ts';

interface JavaPool {
  pool: PoolSizing;
  constant: string;
  builder: string;
  /** The per-tenant factory, when the pool is split by tenant. */
  factory?: string;
}

function javaPools(input: SnippetInput): JavaPool[] {
  const taken = new Set(['CLIENT', 'BASE_URL', 'JSON', 'TENANT_CLIENTS']);
  return input.pools.map((pool, i) => {
    const constant = i === 0 ? 'CLIENT' : jsIdentifier(pool.name, 'Client', taken);
    const builder = `new${i}Client`;
    return pool.tenants > 1 ? { pool, constant, builder, factory: i === 0 ? 'clientForTenant' : `clientForTenant${i}` } : { pool, constant, builder };
  });
}

/**
 * OkHttp's own retry (retryOnConnectionFailure, on by default) has no count and no delay: it re-sends
 * a call that failed on a connection at once, on another one. Written only when the pool sets
 * maxRetries: 0 turns it off.
 */
function retryLine(pool: PoolSizing): string[] {
  if (pool.maxRetries === undefined) return [];
  if (pool.maxRetries === 0) return [`            .retryOnConnectionFailure(false) // ${retryRemark(0, OKHTTP_CLIENT)}`];
  const count = pool.maxRetries > 1 ? `; OkHttp has no retry count, so the pool's ${pool.maxRetries} cannot be set here` : '';
  return [`            .retryOnConnectionFailure(true) // ${retryRemark(1, OKHTTP_CLIENT)}, once per stale connection (${cite(OKHTTP_CLIENT.path.retries.source)})${count}`];
}

/** TCP keep-alive through the client's SocketFactory, where the path needs it or the pool sets it (OkHttp sets none). */
function socketFactoryLine(input: SnippetInput, pool: PoolSizing): string[] {
  const plan = tcpKeepalivePlan(input, pool, OKHTTP_CLIENT);
  if (!plan || plan.sec === null) return [];
  return [javaComments(`            .socketFactory(new KeepAliveSocketFactory(${plan.sec})) // ${plan.remark}`)];
}

function needsSocketFactory(input: SnippetInput): boolean {
  return input.pools.some((p) => (tcpKeepalivePlan(input, p, OKHTTP_CLIENT)?.sec ?? null) !== null);
}

/**
 * Sockets with SO_KEEPALIVE and, through jdk.net.ExtendedSocketOptions (Java 11+, Linux and macOS),
 * the idle time before the first probe, the interval and the count. On Java 8 the class does not
 * compile: drop the setOption lines, and the OS default applies (Linux: first probe after 7200 s).
 */
const KEEPALIVE_SOCKET_FACTORY = [
  '  /**',
  '   * Sockets with TCP keep-alive: SO_KEEPALIVE, the first probe after idleSec idle, then one every idleSec,',
  '   * 3 unanswered end the connection. The idle time needs Java 11+ (jdk.net.ExtendedSocketOptions); where',
  '   * the platform lacks it, SO_KEEPALIVE alone probes after the OS default (Linux: 7200 s, too late for a NAT).',
  '   */',
  '  static final class KeepAliveSocketFactory extends SocketFactory {',
  '    private final int idleSec;',
  '',
  '    KeepAliveSocketFactory(int idleSec) {',
  '      this.idleSec = idleSec;',
  '    }',
  '',
  '    private Socket keepAlive(Socket socket) throws IOException {',
  '      socket.setKeepAlive(true);',
  '      if (socket.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE)) {',
  '        socket.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, idleSec);',
  '      }',
  '      if (socket.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPINTERVAL)) {',
  '        socket.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, idleSec);',
  '      }',
  '      if (socket.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPCOUNT)) {',
  '        socket.setOption(ExtendedSocketOptions.TCP_KEEPCOUNT, 3);',
  '      }',
  '      return socket;',
  '    }',
  '',
  '    @Override',
  '    public Socket createSocket() throws IOException {',
  '      return keepAlive(new Socket());',
  '    }',
  '',
  '    @Override',
  '    public Socket createSocket(String host, int port) throws IOException {',
  '      return keepAlive(new Socket(host, port));',
  '    }',
  '',
  '    @Override',
  '    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {',
  '      return keepAlive(new Socket(host, port, localHost, localPort));',
  '    }',
  '',
  '    @Override',
  '    public Socket createSocket(InetAddress host, int port) throws IOException {',
  '      return keepAlive(new Socket(host, port));',
  '    }',
  '',
  '    @Override',
  '    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {',
  '      return keepAlive(new Socket(address, port, localAddress, localPort));',
  '    }',
  '  }',
  '',
];

function builderMethod(input: SnippetInput, p: JavaPool): string[] {
  const { maxConnections, maxKeepalive } = clientCaps(p.pool);
  const protocols =
    p.pool.protocol === 'h2'
      ? `            // HTTP/2 by ALPN (OkHttp's default): the ${maxConnections} calls share connections up to the server's stream limit.`
      : '            .protocols(Collections.singletonList(Protocol.HTTP_1_1)) // HTTP/1.1 as the scenario says: one call per connection';
  const keep =
    p.pool.keepaliveSec > 0
      ? `new ConnectionPool(${maxKeepalive}, ${javaDuration(p.pool.keepaliveSec)})) // ${maxKeepalive} kept idle (the one idle longest closes first); ${keepaliveRemark(input, p.pool, OKHTTP_CLIENT)}`
      : `new ConnectionPool(0, 1, TimeUnit.MILLISECONDS)) // keep-alive 0: every connection closes when its call ends`;
  return [
    javaComments(`  // Pool ${commentText(p.pool.name)}: its own Dispatcher and ConnectionPool (a client per request would pool nothing).`),
    `  private static OkHttpClient ${p.builder}() {`,
    '    Dispatcher dispatcher = new Dispatcher();',
    `    dispatcher.setMaxRequests(${maxConnections}); // all hosts: this client serves one API`,
    `    dispatcher.setMaxRequestsPerHost(${maxConnections}); // at most ${maxConnections} calls at once, the rest queue in the Dispatcher (default 5: ${cite(OKHTTP_RULES.maxRequestsPerHost)})`,
    '    return new OkHttpClient.Builder()',
    '            .dispatcher(dispatcher)',
    `            .connectionPool(${keep}`,
    protocols,
    `            .connectTimeout(${javaDuration(input.connectTimeoutSec)}) // connect: 20 round trips, at least 10 s`,
    `            .readTimeout(${javaDuration(p.pool.readTimeoutSec)}) // longest silence: ${ownReadTimeoutRemark(input, p.pool) ?? "3 x the slowest class's p99, streams are not cut"}`,
    `            .writeTimeout(${javaDuration(input.connectTimeoutSec)})`,
    ...retryLine(p.pool),
    ...socketFactoryLine(input, p.pool),
    '            .build();',
    '  }',
  ];
}

function definitions(input: SnippetInput, pools: JavaPool[]): string[] {
  const lines: string[] = [];
  for (const p of pools) {
    lines.push(...builderMethod(input, p), '');
    if (p.pool.poolTimeoutSec !== undefined) {
      lines.push(`  // OkHttp has no wait limit in the Dispatcher queue: bound the ${formatNumber(p.pool.poolTimeoutSec, 3)} s yourself (e.g. future.get with a timeout).`);
    }
    lines.push(`  public static final OkHttpClient ${p.constant} = ${p.builder}();`, '');
    if (p.factory) {
      const cache = `TENANTS_${p.constant}`;
      const [cap, global] = tenantRemark(p.pool, 'OkHttp', 'client');
      lines.push(
        javaComments(`  // ${cap}`),
        javaComments(`  // ${global}`),
        `  private static final ConcurrentHashMap<String, OkHttpClient> ${cache} = new ConcurrentHashMap<>();`,
        '',
        `  /** The tenant's own client, created on first use and kept for the life of the process. */`,
        `  public static OkHttpClient ${p.factory}(String tenantId) {`,
        `    return ${cache}.computeIfAbsent(tenantId, id -> ${p.builder}());`,
        '  }',
        '',
      );
    }
  }
  return lines;
}

/** The SDKs take no SocketFactory: where the path wants TCP keep-alive, say what that costs. */
function sdkKeepaliveNote(input: SnippetInput, p: PoolSizing): string[] {
  const hop = shortestSilentHop(input);
  if (!hop && !((p.tcpKeepaliveSec ?? 0) > 0)) return [];
  const risk = hop
    ? `: ${hopName(hop.hop, hop.index)} forgets a flow idle ${formatNumber(hop.hop.idleSec, 3)} s, so a reply silent that long hangs until the read timeout; stream the reply`
    : `: the pool's ${formatNumber(p.tcpKeepaliveSec ?? 0, 3)} s probes are not set there`;
  return [`  The SDKs' builders take no SocketFactory, so their sockets send no TCP keep-alive probe (${cite(OPENAI_JAVA_CLIENT.path.tcpKeepaliveSource)})${risk}.`];
}

function sdkNotes(input: SnippetInput): string[] {
  const p = input.pools[0]!;
  const { maxConnections, maxKeepalive } = clientCaps(p);
  const keep = `.maxIdleConnections(${Math.max(1, maxKeepalive)}).keepAliveDuration(Duration.ofMillis(${Math.max(1, Math.round(p.keepaliveSec * 1000))}))`;
  const read = Number.isInteger(p.readTimeoutSec) ? `Duration.ofSeconds(${p.readTimeoutSec})` : `Duration.ofMillis(${Math.round(p.readTimeoutSec * 1000)})`;
  const timeout = `.timeout(Timeout.builder().connect(Duration.ofSeconds(${input.connectTimeoutSec})).read(${read}).build())`;
  const oRetries = retryCount(p, OPENAI_JAVA_CLIENT);
  const aRetries = retryCount(p, ANTHROPIC_JAVA_CLIENT);
  const oRemark = retryRemark(oRetries, OPENAI_JAVA_CLIENT);
  const aRemark = retryRemark(aRetries, ANTHROPIC_JAVA_CLIENT);
  const exec = `.dispatcherExecutorService(Executors.newFixedThreadPool(${maxConnections}))`;
  const o = JAVA_SDK_WIRING.openai;
  const a = JAVA_SDK_WIRING.anthropic;
  return [
    `The Java SDKs build their own OkHttpClient and lift the per-host cap to 64 (${cite(o.perHost)}; ${cite(a.perHost)}); a fixed executor of ${maxConnections} threads caps their async calls instead (synchronous calls run on your threads, uncapped). Checked against their source, not run here:`,
    `  OpenAI (${cite(o.builder)}): OpenAIClient client = OpenAIOkHttpClient.builder().fromEnv()${exec}${keep}${timeout}.maxRetries(${oRetries}).build();`,
    `  Anthropic (${cite(a.builder)}): AnthropicClient client = AnthropicOkHttpClient.builder().fromEnv()${exec}${keep}${timeout}.maxRetries(${aRetries}).build();`,
    ...(oRemark === aRemark ? [`  .maxRetries(${oRetries}) in both: ${oRemark}.`] : [`  .maxRetries(${oRetries}) in OpenAI's: ${oRemark}.`, `  .maxRetries(${aRetries}) in Anthropic's: ${aRemark}.`]),
    ...sdkKeepaliveNote(input, p),
  ];
}

function headerLines(input: SnippetInput): string[] {
  const p = input.provider;
  const key = `Objects.requireNonNull(System.getenv(${javaString(input.scenario.endpoint.apiKeyEnv)}), ${javaString(`${input.scenario.endpoint.apiKeyEnv} is not set`)})`;
  return [
    `.header(${javaString(p.keyHeader)}, ${p.keyPrefix ? `${javaString(p.keyPrefix)} + ` : ''}${key})`,
    ...p.extraHeaders.map(([k, v]) => `.header(${javaString(k)}, ${javaString(v)})`),
  ];
}

export function okhttpSnippet(input: SnippetInput): string {
  const pools = javaPools(input);
  const tenants = pools.some((p) => p.factory);
  const keepalive = needsSocketFactory(input);
  const head = header(input, '//', `${OKHTTP_CLIENT.label} (Dispatcher + ConnectionPool; checked on ${OKHTTP_CLIENT.poolLibrary}, same API in 5.x); save as AiPool.java`, [
    `Pool rules (${cite(OKHTTP_RULES.promote)}): ${OKHTTP_CLIENT.keepaliveRule}`,
    ...sdkNotes(input),
  ]);
  return `${javaComments(head)}
import java.io.IOException;
${keepalive ? 'import java.net.InetAddress;\nimport java.net.Socket;\n' : ''}import java.util.Collections;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
${tenants ? 'import java.util.concurrent.ConcurrentHashMap;\n' : ''}import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
${keepalive ? 'import javax.net.SocketFactory;\nimport jdk.net.ExtendedSocketOptions;\n' : ''}import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

public final class AiPool {
  private AiPool() {}

  /** The API the pools send to. */
  public static final String BASE_URL = ${javaString(input.provider.baseUrl)};
  private static final MediaType JSON = MediaType.get("application/json");

${keepalive ? KEEPALIVE_SOCKET_FACTORY.join('\n') + '\n' : ''}${definitions(input, pools).join('\n')}
  /** POSTs json to BASE_URL + path through CLIENT; the body is read, so the connection is back in the pool. */
  static Response postJson(String path, String json) throws IOException {
    return postJson(CLIENT, path, json);
  }

  /**
   * postJson through another pool's client${tenants ? " or a tenant's" : ''}. It goes through enqueue, as
   * execute() bypasses the Dispatcher's caps, and reads the body inside the call, so no connection
   * outlives its slot.
   */
  static Response postJson(OkHttpClient client, String path, String json) throws IOException {
    Request request = new Request.Builder()
        .url(BASE_URL + path)
${headerLines(input)
  .map((l) => `        ${l}`)
  .join('\n')}
        .post(RequestBody.create(JSON, json))
        .build();
    CompletableFuture<Response> done = new CompletableFuture<>();
    client.newCall(request).enqueue(new Callback() {
      @Override
      public void onFailure(Call call, IOException e) {
        done.completeExceptionally(e);
      }

      @Override
      public void onResponse(Call call, Response response) {
        try (Response open = response) {
          done.complete(open.newBuilder().body(open.peekBody(Long.MAX_VALUE)).build());
        } catch (IOException e) {
          done.completeExceptionally(e);
        }
      }
    });
    try {
      return done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException ? (IOException) e.getCause() : new IOException(e.getCause());
    }
  }
}
`;
}
