/**
 * Python helpers every Python family's generators share (httpx, aiohttp): float literals for
 * seconds, the API key read from the environment at call time, and the request headers.
 */
import { pyString } from './escape.ts';
import type { SnippetInput } from './input.ts';

/** A number of seconds as a Python float literal: `5.0`, not `5`, as the libraries' own defaults are written. */
export const seconds = (x: number) => (Number.isInteger(x) ? `${x}.0` : String(x));

/** The request headers as a Python dict literal; the key comes from the environment at call time. */
export function pyAuthHeaders(input: SnippetInput): string {
  const p = input.provider;
  const key = p.keyPrefix ? `${pyString(p.keyPrefix)} + _api_key()` : '_api_key()';
  const entries = [[pyString(p.keyHeader), key], ...p.extraHeaders.map(([k, v]) => [pyString(k), pyString(v)]), ['"content-type"', '"application/json"']];
  return `{${entries.map(([k, v]) => `${k}: ${v}`).join(', ')}}`;
}

/** `API_KEY_ENV` and `_api_key()`: the key is read when a request is made, so importing the module needs none. */
export function apiKeyFunction(input: SnippetInput): string {
  return `API_KEY_ENV = ${pyString(input.scenario.endpoint.apiKeyEnv)}


def _api_key() -> str:
    key = os.environ.get(API_KEY_ENV)
    if not key:
        raise RuntimeError(f"Set the {API_KEY_ENV} environment variable to your API key")
    return key`;
}

/**
 * `_tcp_keepalive(idle_sec)`: the socket options of TCP keep-alive, guarded per platform so the pasted
 * module runs anywhere: TCP_KEEPIDLE (Linux, Windows) or TCP_KEEPALIVE (its name on macOS) for the idle
 * time before the first probe, TCP_KEEPINTVL between unanswered probes, TCP_KEEPCNT of them before
 * the connection counts as dead. An answered probe restarts the idle time.
 */
export function pyTcpKeepaliveFunction(): string {
  return `def _tcp_keepalive(idle_sec: int) -> list[tuple[int, int, int]]:
    """Socket options: a TCP keep-alive probe after idle_sec idle, then every idle_sec; 3 unanswered end the connection."""
    options = [(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)]
    if hasattr(socket, "TCP_KEEPIDLE"):  # Linux, Windows
        options.append((socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, idle_sec))
    elif hasattr(socket, "TCP_KEEPALIVE"):  # macOS: the same idle time under another name
        options.append((socket.IPPROTO_TCP, socket.TCP_KEEPALIVE, idle_sec))
    if hasattr(socket, "TCP_KEEPINTVL"):
        options.append((socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, idle_sec))
    if hasattr(socket, "TCP_KEEPCNT"):
        options.append((socket.IPPROTO_TCP, socket.TCP_KEEPCNT, 3))
    return options`;
}
