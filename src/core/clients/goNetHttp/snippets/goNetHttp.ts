/**
 * aipool.go: one *http.Client per pool (per tenant when the pool is split) on its own tuned
 * http.Transport, and PostJSON. The SDK rows get the same file: both Go SDKs take an *http.Client
 * through option.WithHTTPClient, so the header shows that one line for each.
 */
import { formatNumber } from '../../../format.ts';
import { cite, keepaliveRemark, tenantRemark } from '../../../snippets/comments.ts';
import { header } from '../../../snippets/header.ts';
import { clientCaps, type PoolSizing, type SnippetInput } from '../../../snippets/input.ts';
import { ownReadTimeoutRemark, retryCount, retryRemark, tcpKeepalivePlan } from '../../../snippets/path.ts';
import { ANTHROPIC_GO_CLIENT, GO_NETHTTP_CLIENT, GO_RULES, GO_SDK_WIRING, OPENAI_GO_CLIENT } from '../facts.ts';
import { goCommentString, goDuration, goIdentifier, goString } from './goEscape.ts';
import { alignGoPairs } from './goFormat.ts';

interface GoPool {
  pool: PoolSizing;
  /** The exported *http.Client variable. */
  client: string;
  /** The per-tenant factory, when the pool is split by tenant. */
  factory?: string;
}

function goPools(input: SnippetInput): GoPool[] {
  const taken = new Set(['Client', 'ClientForTenant', 'BaseURL', 'PostJSON', 'PostJSONWith']);
  return input.pools.map((pool, i) => {
    const client = i === 0 ? 'Client' : goIdentifier(pool.name, 'Client', taken);
    return pool.tenants > 1 ? { pool, client, factory: i === 0 ? 'ClientForTenant' : goIdentifier(pool.name, 'ClientForTenant', taken) } : { pool, client };
  });
}

/**
 * The dialer's TCP keep-alive: http.DefaultTransport's 30 s unless the path needs a shorter period or
 * the pool sets one. Go sets SO_KEEPALIVE and uses the period as both the idle time before the first
 * probe and the interval between probes (net/tcpsockopt_unix.go); a negative value turns probes off.
 */
function dialerKeepalive(input: SnippetInput, pool: PoolSizing): string {
  const plan = tcpKeepalivePlan(input, pool, GO_NETHTTP_CLIENT);
  if (!plan) return '\tKeepAlive: 30 * time.Second, // TCP keep-alive probes, as http.DefaultTransport';
  if (plan.sec === null) return `\tKeepAlive: -1, // ${plan.remark} (http.DefaultTransport probes every 30 s: ${cite(GO_NETHTTP_CLIENT.path.tcpKeepaliveSource)})`;
  return `\tKeepAlive: ${goDuration(plan.sec)}, // ${plan.remark}`;
}

/** The Transport literal's fields, each number with what it is for. */
function transportFields(input: SnippetInput, pool: PoolSizing): string[] {
  const { maxConnections, maxKeepalive } = clientCaps(pool);
  const secs = (x: number) => formatNumber(x, 3);
  const idle =
    maxKeepalive > 0
      ? [
          `MaxIdleConnsPerHost: ${maxKeepalive}, // kept idle for the next burst; Go's default 2 closes every connection freed beyond it (errTooManyIdleHost, ${cite(GO_RULES.idleCapPerHost)})`,
          `MaxIdleConns: ${maxKeepalive}, // the same cap over all hosts: this Transport serves one API`,
        ]
      : [`MaxIdleConnsPerHost: -1, // keep none idle: 0 would mean Go's default of 2 (${cite({ ...GO_RULES.idleCapPerHost, line: 901 })})`];
  const keepalive =
    pool.keepaliveSec > 0
      ? [`IdleConnTimeout: ${goDuration(pool.keepaliveSec)}, // ${keepaliveRemark(input, pool, GO_NETHTTP_CLIENT)}`]
      : ['DisableKeepAlives: true, // keep-alive 0: a new connection per request (an IdleConnTimeout of 0 would mean never expire)'];
  const h2 =
    pool.protocol === 'h2'
      ? `ForceAttemptHTTP2: true, // HTTP/2 by ALPN; the server's stream limit (${pool.streamsPerConnection} assumed) is per connection, past it Go opens another up to MaxConnsPerHost`
      : 'ForceAttemptHTTP2: false, // HTTP/1.1 as the scenario says: with a custom DialContext, false keeps HTTP/2 off';
  return [
    'Proxy: http.ProxyFromEnvironment,',
    'DialContext: (&net.Dialer{',
    `\tTimeout:   ${goDuration(input.connectTimeoutSec)}, // connect: 20 round trips, at least 10 s`,
    dialerKeepalive(input, pool),
    '}).DialContext,',
    `TLSHandshakeTimeout: ${goDuration(input.connectTimeoutSec)}, // the TLS set-up, same bound as the connect`,
    `MaxConnsPerHost: ${maxConnections}, // at most ${maxConnections} open; more requests wait for one (0, the default, never waits: ${cite(GO_RULES.noConnCap)})`,
    ...idle,
    ...keepalive,
    h2,
    `ResponseHeaderTimeout: ${goDuration(pool.readTimeoutSec)}, // ${secs(pool.readTimeoutSec)} s to the response headers: ${ownReadTimeoutRemark(input, pool) ?? "3 x the slowest class's p99, streams are not cut"}`,
  ];
}

function definition(input: SnippetInput, p: GoPool, index: number): string {
  const fields = alignGoPairs(transportFields(input, p.pool).map((l) => `\t\t${l}`));
  const ctor = `newTransport${index}`;
  const lines = [`// ${p.client} sends on pool ${goCommentString(p.pool.name)}: one Transport for the whole process (a Transport per request pools nothing).`];
  if (p.pool.poolTimeoutSec !== undefined) {
    lines.push(`// Go has no wait limit for a free connection: bound the ${formatNumber(p.pool.poolTimeoutSec, 3)} s with the request's context.`);
  }
  const transport = [`func ${ctor}() *http.Transport {`, '\treturn &http.Transport{', ...fields, '\t}', '}'];
  if (!p.factory) return [...transport, '', ...lines, `var ${p.client} = &http.Client{Transport: ${ctor}()}`].join('\n');
  const [cap, global] = tenantRemark(p.pool, 'net/http', 'Transport');
  const cache = `${p.factory[0]!.toLowerCase()}${p.factory.slice(1)}Cache`;
  return [
    ...transport,
    '',
    ...lines,
    `var ${p.client} = &http.Client{Transport: ${ctor}()}`,
    '',
    `// ${p.factory}: ${cap}`,
    `// ${global}`,
    `var ${cache} sync.Map // tenant id -> *http.Client`,
    '',
    `// ${p.factory} returns the tenant's own client, created on first use and kept for the life of the process.`,
    `func ${p.factory}(tenantID string) *http.Client {`,
    `\tif c, ok := ${cache}.Load(tenantID); ok {`,
    '\t\treturn c.(*http.Client)',
    '\t}',
    `\tc, _ := ${cache}.LoadOrStore(tenantID, &http.Client{Transport: ${ctor}()})`,
    '\treturn c.(*http.Client)',
    '}',
  ].join('\n');
}

function authLines(input: SnippetInput): string[] {
  const p = input.provider;
  const key = `os.Getenv(${goString(input.scenario.endpoint.apiKeyEnv)})`;
  return [
    `req.Header.Set(${goString(p.keyHeader)}, ${p.keyPrefix ? `${goString(p.keyPrefix)}+` : ''}${key})`,
    ...p.extraHeaders.map(([k, v]) => `req.Header.Set(${goString(k)}, ${goString(v)})`),
  ];
}

export function goNetHttpSnippet(input: SnippetInput): string {
  const pools = goPools(input);
  const tenants = pools.some((p) => p.factory);
  const o = GO_SDK_WIRING.openai.option;
  const a = GO_SDK_WIRING.anthropic.option;
  const openaiRetries = retryCount(input.pools[0]!, OPENAI_GO_CLIENT);
  const anthropicRetries = retryCount(input.pools[0]!, ANTHROPIC_GO_CLIENT);
  const notes = [
    `Keep-alive (${cite(GO_RULES.idleCapPerHost)}): ${GO_NETHTTP_CLIENT.keepaliveRule}`,
    'Hand the pool to the Go SDKs (both take any *http.Client; checked against their source, not run here):',
    `  openai-go (${o.file}:${o.line}, ${o.package}): client := openai.NewClient(option.WithHTTPClient(aipool.Client), option.WithMaxRetries(${openaiRetries}))`,
    `  anthropic-sdk-go (${a.file}:${a.line}, ${a.package}): client := anthropic.NewClient(option.WithHTTPClient(aipool.Client), option.WithMaxRetries(${anthropicRetries}))`,
    ...(retryRemark(openaiRetries, OPENAI_GO_CLIENT) === retryRemark(anthropicRetries, ANTHROPIC_GO_CLIENT)
      ? [`  option.WithMaxRetries(${openaiRetries}) in both: ${retryRemark(openaiRetries, OPENAI_GO_CLIENT)}.`]
      : [
          `  option.WithMaxRetries(${openaiRetries}) in openai-go: ${retryRemark(openaiRetries, OPENAI_GO_CLIENT)}.`,
          `  option.WithMaxRetries(${anthropicRetries}) in anthropic-sdk-go: ${retryRemark(anthropicRetries, ANTHROPIC_GO_CLIENT)}.`,
        ]),
  ];
  // A blank line keeps the header from being the package's doc comment, which gofmt would reflow
  // (indented lines become code blocks framed by empty // lines).
  return `${header(input, '//', `${GO_NETHTTP_CLIENT.label} (http.Transport; checked on ${GO_NETHTTP_CLIENT.poolLibrary}); save as aipool.go`, notes)}

package aipool

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"os"
${tenants ? '\t"sync"\n' : ''}	"time"
)

// BaseURL is the API the pools send to.
const BaseURL = ${goString(input.provider.baseUrl)}

${pools.map((p, i) => definition(input, p, i)).join('\n\n')}

// PostJSON POSTs body as JSON to BaseURL + path through Client. Read the response body to the end
// and close it: only then does the connection go back to the pool.
func PostJSON(ctx context.Context, path string, body any) (*http.Response, error) {
	return PostJSONWith(ctx, Client, path, body)
}

// PostJSONWith is PostJSON through another pool's client${tenants ? ' or a tenant\'s' : ''}.
func PostJSONWith(ctx context.Context, client *http.Client, path string, body any) (*http.Response, error) {
	payload, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, BaseURL+path, bytes.NewReader(payload))
	if err != nil {
		return nil, err
	}
	req.Header.Set("content-type", "application/json")
${authLines(input)
  .map((l) => `\t${l}`)
  .join('\n')}
	return client.Do(req)
}
`;
}
