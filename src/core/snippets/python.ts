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
