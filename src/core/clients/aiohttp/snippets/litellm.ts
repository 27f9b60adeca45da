/**
 * LiteLLM's aiohttp pool is configured by environment variables, read once when litellm is
 * imported: the module sets them first. LiteLLM keeps one connector for the process, so pools and
 * tenants cannot be split here; the main pool's sizes are written and the others named in a note.
 * LiteLLM is not installable on this project's machines: the snippet is syntax-checked, not run.
 */
import { cite } from '../../../snippets/comments.ts';
import { pyString } from '../../../snippets/escape.ts';
import { header } from '../../../snippets/header.ts';
import type { SnippetInput } from '../../../snippets/input.ts';
import { LITELLM_CLIENT, LITELLM_SETTINGS } from '../facts.ts';
import { aiohttpLimit } from './connector.ts';

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
`;
}
