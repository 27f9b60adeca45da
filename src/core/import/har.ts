/**
 * HAR 1.2 (W3C draft "HTTP Archive format", as Chromium, Firefox and proxies write it):
 * `log.entries[]` with `startedDateTime` (ISO 8601), `time` (ms, the sum of the timings),
 * `request.method`/`url`/`postData`, `response.status`/`content.mimeType` and `timings`.
 *
 * Duration is `send + wait + receive`: the time the request held its connection. `blocked`
 * (queued for a connection), `dns`, `connect` and `ssl` are left out because the simulator models
 * queueing and set-up itself; with them counted the replay would pay them twice.
 */
import { ImportError, IMPORT_LIMITS, checkSize, parseJson } from './errors.ts';
import { isObject, listAt, objectAt, optionalString } from './json.ts';
import { countDrop, type Call, type ReadResult } from './types.ts';
import { parseUrl } from './url.ts';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function timing(timings: Record<string, unknown>, key: string): number | undefined {
  const v = timings[key];
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
}

/** The request body's `model` and `stream` (both providers' request shapes), when it is small JSON. */
function bodyHints(request: Record<string, unknown>): { model?: string; stream?: boolean } {
  const postData = request.postData;
  if (!isObject(postData) || typeof postData.text !== 'string' || postData.text.length > IMPORT_LIMITS.bodyChars) return {};
  if (!/json/i.test(optionalString(postData.mimeType) ?? 'json')) return {};
  try {
    const body: unknown = JSON.parse(postData.text);
    if (!isObject(body)) return {};
    return {
      ...(typeof body.model === 'string' && { model: body.model }),
      ...(typeof body.stream === 'boolean' && { stream: body.stream }),
    };
  } catch {
    return {};
  }
}

export function readHar(text: string): ReadResult {
  checkSize(text);
  const doc = objectAt(parseJson(text), 'file');
  const log = objectAt(doc.log, 'log');
  const result: ReadResult = { calls: [], records: 0, dropped: {}, notes: [] };
  for (const [i, raw] of listAt(log, 'entries', 'log').entries()) {
    const at = `log.entries[${i}]`;
    if (++result.records > IMPORT_LIMITS.records) throw new ImportError(at, `more than ${IMPORT_LIMITS.records} entries`);
    const entry = objectAt(raw, at);
    const started = entry.startedDateTime;
    if (typeof started !== 'string' || !ISO_TIME.test(started)) throw new ImportError(`${at}.startedDateTime`, 'must be an ISO 8601 date-time');
    const startMs = Date.parse(started);
    if (!Number.isFinite(startMs)) throw new ImportError(`${at}.startedDateTime`, 'must be an ISO 8601 date-time');
    const request = objectAt(entry.request, `${at}.request`);
    const url = request.url;
    if (typeof url !== 'string') throw new ImportError(`${at}.request.url`, 'must be a string');
    const response = isObject(entry.response) ? entry.response : {};
    const status = typeof response.status === 'number' ? response.status : undefined;
    // Status 0: no response (blocked, cancelled, failed before a reply); it held no connection to the API for a reply.
    if (status === 0) {
      countDrop(result.dropped, 'no response');
      continue;
    }
    const timings = isObject(entry.timings) ? entry.timings : {};
    const send = timing(timings, 'send');
    const wait = timing(timings, 'wait');
    const receive = timing(timings, 'receive');
    const total = typeof entry.time === 'number' && Number.isFinite(entry.time) ? entry.time : undefined;
    const durationMs = send !== undefined && wait !== undefined && receive !== undefined ? send + wait + receive : total;
    if (durationMs === undefined) throw new ImportError(`${at}.timings`, 'needs send, wait and receive (or time) in milliseconds');
    const parts = parseUrl(url);
    const call: Call = { startMs, durationMs, method: optionalString(request.method) ?? 'GET' };
    if (parts) {
      call.origin = parts.origin;
      call.path = parts.path;
    }
    if (status !== undefined) call.status = status;
    const hints = bodyHints(request);
    if (hints.model !== undefined) call.model = hints.model;
    const content = isObject(response.content) ? response.content : {};
    const mime = optionalString(content.mimeType);
    if (mime !== undefined && /text\/event-stream/i.test(mime)) call.streaming = true;
    else if (hints.stream !== undefined) call.streaming = hints.stream;
    else if (mime !== undefined && mime !== '') call.streaming = false;
    result.calls.push(call);
  }
  if (result.records === 0) throw new ImportError('log.entries', 'is empty');
  return result;
}
