/**
 * LiteLLM's aiohttp pool is configured by environment variables, read once when litellm is
 * imported: the module sets them first. LiteLLM keeps one connector for the process, so pools and
 * tenants cannot be split here; the main pool's sizes are written and the others named in a note.
 * LiteLLM is not installable on this project's machines: the snippet is syntax-checked, not run.
 */
import { cite } from '../../../snippets/comments.ts';
import { pyString } from '../../../snippets/escape.ts';
import { header } from '../../../snippets/header.ts';
import type { PoolSizing, SnippetInput } from '../../../snippets/input.ts';
import { tcpKeepalivePlan } from '../../../snippets/path.ts';
import { LITELLM_CLIENT, LITELLM_SETTINGS } from '../facts.ts';
import { aiohttpLimit } from './connector.ts';

/**
 * TCP keep-alive through LiteLLM's own socket factory, off unless AIOHTTP_SO_KEEPALIVE is "true"
 * (its idle, interval and count default to 60, 30 and 5 s). Written where the path needs it or the pool sets it.
 */
function keepaliveLines(input: SnippetInput, pool: PoolSizing): string {
  const plan = tcpKeepalivePlan(input, pool, LITELLM_CLIENT);
  if (!plan) return '';
  if (plan.sec === null) return `# ${plan.remark}: LiteLLM's AIOHTTP_SO_KEEPALIVE stays off (its default)\n`;
  return [
    `# TCP keep-alive (off by default; LiteLLM builds the socket factory only when this is "true": ${cite(LITELLM_CLIENT.path.tcpKeepaliveSource)}):`,
    `# ${plan.remark}`,
    'os.environ["AIOHTTP_SO_KEEPALIVE"] = "true"',
    `os.environ["AIOHTTP_TCP_KEEPIDLE"] = ${pyString(String(plan.sec))}  # idle seconds before the first probe`,
    `os.environ["AIOHTTP_TCP_KEEPINTVL"] = ${pyString(String(plan.sec))}  # seconds between unanswered probes`,
    'os.environ["AIOHTTP_TCP_KEEPCNT"] = "3"  # unanswered probes before the connection counts as dead',
    '',
  ].join('\n');
}

export function litellmSnippet(input: SnippetInput): string {
  const pool = input.pools[0]!;
  const { limit, note } = aiohttpLimit(pool);
  // LiteLLM parses these with int(): a fractional keep-alive would fail at import.
  const keepalive = Math.max(1, Math.round(pool.keepaliveSec));
  const total = pool.tenants > 1 ? Math.max(limit, pool.maxConnections) : limit;
  const s = LITELLM_SETTINGS;
  const notes = [
    `LiteLLM reads these when it is imported (${cite(s.limit.source)} to :${s.keepalive.source.line}; used by ${cite(s.usedBy)}): set them before the first \`import litellm\`, here or in the process environment.`,
    ...(input.pools.length > 1 ? [`LiteLLM keeps one aiohttp connector for the process: the scenario's other pools (${input.pools.slice(1).map((p) => pyString(p.name)).join(', ')}) share it.`] : []),
    ...(pool.tenants > 1 ? [`LiteLLM cannot give each tenant its own connections: ${pool.tenants} tenants share the one connector, capped at ${total} in all.`] : []),
    ...(keepalive !== pool.keepaliveSec ? [`Keep-alive rounded to ${keepalive} s: LiteLLM parses the setting as a whole number.`] : []),
    `LiteLLM itself is not installed or run by pool-sizer's tests; the settings and their defaults come from its source. ${LITELLM_CLIENT.keepaliveRule}`,
  ];
  return `${header(input, '#', `LiteLLM's aiohttp transport (environment settings); save as ${LITELLM_CLIENT.targets[0]!.filename} and import it before litellm`, notes)}
import os

# LiteLLM reads the provider's key itself; to use the scenario's variable, pass
# api_key=os.environ[API_KEY_ENV] to litellm.acompletion(...).
API_KEY_ENV = ${pyString(input.scenario.endpoint.apiKeyEnv)}

# Total connections in use (LiteLLM's default ${s.limit.default})
os.environ[${pyString(s.limit.name)}] = ${pyString(String(total))}
# Connections to one host: an AI API is one host, so this is the pool's cap (default ${s.limitPerHost.default})${note}
os.environ[${pyString(s.limitPerHost.name)}] = ${pyString(String(limit))}
# Seconds an idle connection stays open (default ${s.keepalive.default}); aiohttp keeps every idle one, no idle cap
os.environ[${pyString(s.keepalive.name)}] = ${pyString(String(keepalive))}
${keepaliveLines(input, pool)}`;
}
