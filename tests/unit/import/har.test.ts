import { describe, expect, it } from 'vitest';
import { importTraffic } from '../../../src/core/import/index.ts';

function entry(url: string, startedDateTime: string, timings: Record<string, number>, extra: Record<string, unknown> = {}) {
  const time = Object.values(timings).filter((t) => t > 0).reduce((a, b) => a + b, 0);
  return { startedDateTime, time, request: { method: 'POST', url, headers: [] }, response: { status: 200, content: { mimeType: 'application/json' } }, timings, ...extra };
}

const har = (entries: unknown[]) => JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } });

describe('HAR 1.2 import', () => {
  it('should take send + wait + receive as the duration, leaving set-up and queueing to the simulator', () => {
    const t = importTraffic(har([entry('https://api.openai.com/v1/chat/completions', '2026-01-01T00:00:00.000Z', { blocked: 40, dns: 5, connect: 10, ssl: 8, send: 1, wait: 900, receive: 99 })]), { fileName: 'x.har' });
    expect(t.rows).toEqual([[0, 1]]);
  });

  it('should read model and stream flag from the request body and split classes by them', () => {
    const body = (model: string, stream: boolean) => ({ request: { method: 'POST', url: 'https://api.openai.com/v1/chat/completions', postData: { mimeType: 'application/json', text: JSON.stringify({ model, stream }) } } });
    const entries = [
      entry('', '2026-01-01T00:00:00.000Z', { send: 0, wait: 100, receive: 0 }, body('gpt-a', true)),
      entry('', '2026-01-01T00:00:01.000Z', { send: 0, wait: 200, receive: 0 }, body('gpt-a', false)),
    ];
    const t = importTraffic(har(entries));
    expect(t.classes.map((c) => [c.name, c.streaming])).toEqual([
      ['streamed', true],
      ['not streamed', false],
    ]);
  });

  it('should leave out entries with no response and count them', () => {
    const t = importTraffic(har([entry('https://api.anthropic.com/v1/messages', '2026-01-01T00:00:00Z', { send: 0, wait: 100, receive: 0 }), { ...entry('https://api.anthropic.com/v1/messages', '2026-01-01T00:00:01Z', { send: 0, wait: 0, receive: 0 }), response: { status: 0 } }]));
    expect(t.summary.kept).toBe(1);
    expect(t.summary.dropped).toContainEqual({ reason: 'no response', count: 1 });
  });

  it.each([
    ['no log', '{"entries": []}', /^log: must be an object/],
    ['a bad date', har([entry('https://api.anthropic.com/v1/messages', 'yesterday', { send: 0, wait: 1, receive: 0 })]), /^log\.entries\[0\]\.startedDateTime: must be an ISO 8601 date-time/],
    ['no timings', har([{ ...entry('https://a/v1/messages', '2026-01-01T00:00:00Z', {}), time: undefined }]), /^log\.entries\[0\]\.timings: needs send, wait and receive/],
  ])('should refuse %s naming the field', (_what, text, message) => {
    expect(() => importTraffic(text, { format: 'har' })).toThrow(message);
  });
});
