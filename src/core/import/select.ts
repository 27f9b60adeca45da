/**
 * Which calls are calls to the API. The origin (scheme, host, port) is, in order: the one asked
 * for; the provider's host (api.anthropic.com, api.openai.com); else the origin carrying the most
 * requests on the providers' API paths (a gateway, proxy or self-hosted endpoint). Everything else
 * is left out and counted by reason, and the choice is stated.
 */
import { ImportError } from './errors.ts';
import { countDrop, type Call } from './types.ts';
import { apiEndpointOf, hostOfOrigin, isHealthCheck } from './url.ts';

export interface OriginSeen {
  origin: string;
  requests: number;
  apiRequests: number;
}

export interface Selection {
  calls: Call[];
  origin: string | null;
  /** Why that origin, in words. */
  why: string;
  origins: OriginSeen[];
  dropped: Record<string, number>;
}

export const PROVIDER_HOSTS = ['api.anthropic.com', 'api.openai.com'] as const;

function matchesHost(origin: string, host: string): boolean {
  const h = host.toLowerCase().replace(/\/+$/, '');
  return origin === h || hostOfOrigin(origin) === h || origin.replace(/^[a-z]+:\/\//, '') === h;
}

export function selectCalls(calls: readonly Call[], options: { host?: string; providerHosts?: readonly string[] } = {}): Selection {
  const counts = new Map<string, OriginSeen>();
  for (const call of calls) {
    if (call.origin === undefined) continue;
    let seen = counts.get(call.origin);
    if (!seen) counts.set(call.origin, (seen = { origin: call.origin, requests: 0, apiRequests: 0 }));
    seen.requests++;
    if (apiEndpointOf(call.path)) seen.apiRequests++;
  }
  const origins = [...counts.values()].sort((a, b) => b.apiRequests - a.apiRequests || b.requests - a.requests || (a.origin < b.origin ? -1 : 1));
  const dropped: Record<string, number> = {};
  const listed = () => origins.slice(0, 5).map((o) => `${o.origin} (${o.requests})`).join(', ');

  let chosen: string[] | null = null;
  let why: string;
  if (options.host !== undefined) {
    chosen = origins.filter((o) => matchesHost(o.origin, options.host!)).map((o) => o.origin);
    if (!chosen.length) throw new ImportError('--host', `no request went to ${options.host.slice(0, 80)} (origins seen: ${listed() || 'none'})`);
    why = `the host asked for (${options.host})`;
  } else if (!origins.length) {
    why = 'the file names no hosts: every request is taken as an API call';
  } else {
    const providers = options.providerHosts ?? PROVIDER_HOSTS;
    const provider = origins.find((o) => providers.some((h) => hostOfOrigin(o.origin) === h));
    if (provider) {
      chosen = [provider.origin];
      why = `the provider's host`;
    } else if (origins[0]!.apiRequests > 0) {
      chosen = [origins[0]!.origin];
      why = `no provider host in the file: the origin with the most requests on API paths (${origins[0]!.apiRequests})`;
    } else {
      chosen = [origins[0]!.origin];
      why = 'no provider host and no API path in the file: the origin with the most requests';
    }
  }
  // Paths decide only when the chosen origin has API paths; a log without them keeps every request.
  const pathsDecide = chosen === null ? calls.some((c) => apiEndpointOf(c.path)) : origins.some((o) => chosen!.includes(o.origin) && o.apiRequests > 0);
  const kept: Call[] = [];
  for (const call of calls) {
    if (chosen !== null && (call.origin === undefined || !chosen.includes(call.origin))) countDrop(dropped, 'other origin');
    else if (isHealthCheck(call.path)) countDrop(dropped, 'health check');
    else if (pathsDecide && call.path !== undefined && !apiEndpointOf(call.path)) countDrop(dropped, 'not an API path');
    else kept.push(call);
  }
  return { calls: kept, origin: chosen?.[0] ?? null, why, origins, dropped };
}
