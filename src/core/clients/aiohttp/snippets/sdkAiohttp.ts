/**
 * The OpenAI and Anthropic Python SDKs on aiohttp: `http_client=` takes the SDK's own
 * DefaultAioHttpClient (the `[aiohttp]` extra), an httpx2 client whose transport runs aiohttp. Its
 * transport passes only max_connections (as limit) and keepalive_expiry (as keepalive_timeout) to
 * the TCPConnector and drops max_keepalive_connections; httpx2's pool timeout becomes aiohttp's
 * connect timeout. It creates the aiohttp session on the first request, inside the running loop.
 */
import { cite, keepaliveRemark } from '../../../snippets/comments.ts';
import { clientCaps, type PoolSizing, type SnippetInput } from '../../../snippets/input.ts';
import { formatNumber } from '../../../format.ts';
import { hopName, ownReadTimeoutRemark, shortestSilentHop } from '../../../snippets/path.ts';
import { seconds } from '../../../snippets/python.ts';
import { renderPythonSdk, type PythonSdkTarget } from '../../../snippets/pythonSdk.ts';
import { ANTHROPIC_PY_AIOHTTP_CLIENT, OPENAI_PY_AIOHTTP_CLIENT, SDK_TRANSPORT } from '../facts.ts';
import { aiohttpLimit } from './connector.ts';

const OPENAI: PythonSdkTarget = { client: OPENAI_PY_AIOHTTP_CLIENT, provider: 'openai', module: 'openai', clientClass: 'AsyncOpenAI', call: 'chat.completions.create', printed: 'reply.choices[0].message.content' };
const ANTHROPIC: PythonSdkTarget = { client: ANTHROPIC_PY_AIOHTTP_CLIENT, provider: 'anthropic', module: 'anthropic', clientClass: 'AsyncAnthropic', call: 'messages.create', printed: 'reply.content[0].text' };

function limitsAndTimeout(input: SnippetInput, pool: PoolSizing, sdk: PythonSdkTarget): string[] {
  const { limit, note } = aiohttpLimit(pool);
  const t = SDK_TRANSPORT[sdk.module];
  const perTenant = pool.tenants > 1 ? ' for this tenant' : '';
  return [
    'limits=httpx2.Limits(',
    `    max_connections=${limit},  # aiohttp's limit: max connections in use${perTenant}${note} (${cite(t.limit)})`,
    `    keepalive_expiry=${seconds(pool.keepaliveSec)},  # aiohttp's keepalive_timeout: ${keepaliveRemark(input, pool, sdk.client)} (${cite(t.keepalive)})`,
    `    # no max_keepalive_connections: the aiohttp transport drops it and keeps every idle connection (the scenario's ${clientCaps(pool).maxKeepalive})`,
    '),',
    'timeout=httpx2.Timeout(',
    `    connect=${seconds(input.connectTimeoutSec)},`,
    `    read=${seconds(pool.readTimeoutSec)},  # max silence between chunks: ${ownReadTimeoutRemark(input, pool) ?? 'long streams must not hit it'}`,
    '    write=30.0,',
    pool.poolTimeoutSec !== undefined
      ? `    pool=${seconds(pool.poolTimeoutSec + input.connectTimeoutSec)},  # becomes aiohttp's connect timeout, which bounds the wait for a free connection AND a new connection's set-up: the scenario's ${seconds(pool.poolTimeoutSec)} s plus connect (${cite(t.pool)})`
      : `    pool=None,  # the scenario sets no pool timeout: a request waits for a free connection as long as it takes (${cite(t.pool)})`,
    '),',
  ];
}

/** The path wants TCP keep-alive that this transport cannot set: say so, and what it costs. */
function keepaliveNotes(input: SnippetInput, sdk: PythonSdkTarget): string[] {
  const wanted = input.pools.filter((p) => (p.tcpKeepaliveSec ?? 0) > 0);
  const hop = shortestSilentHop(input);
  if (!hop && wanted.length === 0) return [];
  const risk = hop
    ? `: ${hopName(hop.hop, hop.index)} forgets a flow idle ${formatNumber(hop.hop.idleSec, 3)} s, so a reply silent that long hangs until the read timeout; stream the reply, or use the httpx2 tab, whose transport takes socket_options`
    : `: the pool's ${formatNumber(wanted[0]!.tcpKeepaliveSec ?? 0, 3)} s probes are not set here`;
  return [`No TCP keep-alive: DefaultAioHttpClient's aiohttp transport builds its TCPConnector without a socket_factory and exposes none (${cite(sdk.client.path.tcpKeepaliveSource)})${risk}.`];
}

function render(input: SnippetInput, sdk: PythonSdkTarget): string {
  return renderPythonSdk(input, sdk, {
    library: 'aiohttp',
    httpClient: 'DefaultAioHttpClient',
    limitLines: (pool) => limitsAndTimeout(input, pool, sdk),
    notes: [`Needs the aiohttp extra: pip install "${sdk.client.library}". ${sdk.client.keepaliveRule}`, ...keepaliveNotes(input, sdk)],
    headerSuffix: ' on aiohttp',
    owns: 'its aiohttp connection pool',
    tcpKeepalive: false,
  });
}

export function openaiPyAiohttpSnippet(input: SnippetInput): string {
  return render(input, OPENAI);
}

export function anthropicPyAiohttpSnippet(input: SnippetInput): string {
  return render(input, ANTHROPIC);
}
