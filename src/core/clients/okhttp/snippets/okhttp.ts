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
import { JAVA_SDK_WIRING, OKHTTP_CLIENT, OKHTTP_RULES } from '../facts.ts';
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

function builderMethod(input: SnippetInput, p: JavaPool): string[] {
  const { maxConnections, maxKeepalive } = clientCaps(p.pool);
  const protocols =
    p.pool.protocol === 'h2'
      ? `            // HTTP/2 by ALPN (OkHttp's default): the ${maxConnections} calls share connections up to the server's stream limit.`
      : '            .protocols(Collections.singletonList(Protocol.HTTP_1_1)) // HTTP/1.1 as the scenario says: one call per connection';
  const keep =
    p.pool.keepaliveSec > 0
      ? `new ConnectionPool(${maxKeepalive}, ${javaDuration(p.pool.keepaliveSec)})) // ${maxKeepalive} kept idle (the one idle longest closes first); ${keepaliveRemark(input, p.pool)}`
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
    `            .readTimeout(${javaDuration(input.readTimeoutSec)}) // longest silence: 3 x the slowest class's p99, streams are not cut`,
    `            .writeTimeout(${javaDuration(input.connectTimeoutSec)})`,
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

function sdkNotes(input: SnippetInput): string[] {
  const p = input.pools[0]!;
  const { maxConnections, maxKeepalive } = clientCaps(p);
  const keep = `.maxIdleConnections(${Math.max(1, maxKeepalive)}).keepAliveDuration(Duration.ofMillis(${Math.max(1, Math.round(p.keepaliveSec * 1000))}))`;
  const timeout = `.timeout(Timeout.builder().connect(Duration.ofSeconds(${input.connectTimeoutSec})).read(Duration.ofSeconds(${input.readTimeoutSec})).build())`;
  const exec = `.dispatcherExecutorService(Executors.newFixedThreadPool(${maxConnections}))`;
  const o = JAVA_SDK_WIRING.openai;
  const a = JAVA_SDK_WIRING.anthropic;
  return [
    `The Java SDKs build their own OkHttpClient and lift the per-host cap to 64 (${cite(o.perHost)}; ${cite(a.perHost)}); a fixed executor of ${maxConnections} threads caps their async calls instead (synchronous calls run on your threads, uncapped). Checked against their source, not run here:`,
    `  OpenAI (${cite(o.builder)}): OpenAIClient client = OpenAIOkHttpClient.builder().fromEnv()${exec}${keep}${timeout}.build();`,
    `  Anthropic (${cite(a.builder)}): AnthropicClient client = AnthropicOkHttpClient.builder().fromEnv()${exec}${keep}${timeout}.build();`,
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
  const head = header(input, '//', `${OKHTTP_CLIENT.label} (Dispatcher + ConnectionPool; checked on ${OKHTTP_CLIENT.poolLibrary}, same API in 5.x); save as AiPool.java`, [
    `Pool rules (${cite(OKHTTP_RULES.promote)}): ${OKHTTP_CLIENT.keepaliveRule}`,
    ...sdkNotes(input),
  ]);
  return `${javaComments(head)}
import java.io.IOException;
import java.util.Collections;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
${tenants ? 'import java.util.concurrent.ConcurrentHashMap;\n' : ''}import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
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

${definitions(input, pools).join('\n')}
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
