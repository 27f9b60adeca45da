/**
 * Request classes from the calls: split by model, streaming and API endpoint, each only where the
 * data holds more than one value (a file with one model makes no model split). At most
 * LIMITS.classes classes; the smallest groups beyond that are merged into "other".
 */
import { LIMITS } from '../scenario/schema.ts';
import type { Call } from './types.ts';
import { apiEndpointOf } from './url.ts';

export interface CallGroup {
  name: string;
  /** undefined when the file does not say. */
  streaming: boolean | undefined;
  /** Indices into the kept calls. */
  members: number[];
}

/**
 * Class names reach the page and exported code; the scenario schema allows 1–60 characters with no
 * control characters, and the generators escape the rest. Names from a file are cut to fit.
 */
export function className(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = raw.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(/\s+/g, ' ').trim();
  return clean.slice(0, 60).trim() || 'imported';
}

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let i = 2; taken.has(candidate); i++) candidate = `${name.slice(0, 54)} (${i})`;
  taken.add(candidate);
  return candidate;
}

export function groupCalls(calls: readonly Call[]): CallGroup[] {
  const models = new Set<string | undefined>();
  const streams = new Set<boolean | undefined>();
  const endpointOf = new Map<string | undefined, string | undefined>();
  const endpoints = new Set<string | undefined>();
  for (const call of calls) {
    models.add(call.model);
    streams.add(call.streaming);
    // Paths repeat: the endpoint is matched once per distinct path, not once per call.
    let endpoint = endpointOf.get(call.path);
    if (endpoint === undefined && !endpointOf.has(call.path)) endpointOf.set(call.path, (endpoint = apiEndpointOf(call.path)));
    endpoints.add(endpoint);
  }
  const byModel = models.size > 1;
  const byStream = streams.size > 1;
  const byEndpoint = endpoints.size > 1;
  const groups = new Map<string, { parts: string[]; streaming: boolean | undefined; members: number[] }>();
  calls.forEach((call, i) => {
    const endpoint = endpointOf.get(call.path);
    const key = `${byModel ? call.model ?? '\u0001' : ''}\u0000${byEndpoint ? endpoint ?? '\u0001' : ''}\u0000${byStream ? String(call.streaming) : ''}`;
    let group = groups.get(key);
    if (!group) {
      const parts: string[] = [];
      if (byModel) parts.push(call.model ?? 'no model');
      if (byEndpoint) parts.push(endpoint ?? 'other path');
      if (byStream) parts.push(call.streaming === undefined ? 'stream unknown' : call.streaming ? 'streamed' : 'not streamed');
      groups.set(key, (group = { parts, streaming: call.streaming, members: [] }));
    }
    group.members.push(i);
  });
  const sorted = [...groups.values()].sort((a, b) => b.members.length - a.members.length);
  const keep = sorted.length > LIMITS.classes ? sorted.slice(0, LIMITS.classes - 1) : sorted;
  const rest = sorted.slice(keep.length);
  const taken = new Set<string>();
  const out: CallGroup[] = keep.map((g) => ({
    name: uniqueName(className(g.parts.join(' · ') || singleName(calls)), taken),
    streaming: g.streaming,
    members: g.members,
  }));
  if (rest.length) {
    const streaming = new Set(rest.map((g) => g.streaming));
    out.push({
      name: uniqueName('other', taken),
      streaming: streaming.size === 1 ? rest[0]!.streaming : undefined,
      members: rest.flatMap((g) => g.members).sort((a, b) => a - b),
    });
  }
  return out;
}

/** One class: named after what the calls share (their model or endpoint), else "imported". */
function singleName(calls: readonly Call[]): string {
  return calls[0]?.model ?? apiEndpointOf(calls[0]?.path) ?? 'imported';
}
