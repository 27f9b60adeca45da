/**
 * URL handling without the DOM's URL class (the core compiles without DOM or Node types): only
 * the parts the import needs — origin (scheme, host, port; RFC 6454) and path.
 */

export interface UrlParts {
  origin: string;
  host: string;
  path: string;
}

const DEFAULT_PORT: Record<string, string> = { http: '80', https: '443' };

/** `scheme://host[:port]`, lower-case, the scheme's default port left out, so two spellings compare equal. */
export function originOf(scheme: string, host: string, port?: string | number): string {
  const s = scheme.toLowerCase();
  const h = host.toLowerCase();
  const p = port === undefined || port === '' ? undefined : String(port);
  return p === undefined || p === DEFAULT_PORT[s] ? `${s}://${h}` : `${s}://${h}:${p}`;
}

const URL_PATTERN = /^([A-Za-z][A-Za-z0-9+.-]{0,15}):\/\/(?:[^@/?#]*@)?(\[[0-9A-Fa-f:.]{1,60}\]|[^:/?#]{1,255})(?::(\d{1,5}))?([^?#]*)/;

export function parseUrl(url: string): UrlParts | undefined {
  const m = URL_PATTERN.exec(url.slice(0, 4096));
  if (!m) return undefined;
  const host = m[2]!.toLowerCase();
  return { origin: originOf(m[1]!, host, m[3]), host, path: m[4] || '/' };
}

export function hostOfOrigin(origin: string): string {
  return origin.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/:\d+$/, '');
}

/**
 * The providers' request paths (Anthropic Messages; OpenAI Chat Completions, Responses,
 * Embeddings, legacy Completions), matched anywhere in the path so gateway prefixes such as
 * `/openai/deployments/x/chat/completions` count too. Returns the endpoint's short name.
 */
const API_PATH = /\/(messages|chat\/completions|completions|responses|embeddings)(?:\/|$)/;

export function apiEndpointOf(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  return API_PATH.exec(path)?.[1];
}

const HEALTH_PATH = /\/(health|healthz|healthcheck|livez|readyz|ready|live|ping|status|metrics)\/?$/i;

export function isHealthCheck(path: string | undefined): boolean {
  return path !== undefined && HEALTH_PATH.test(path);
}
