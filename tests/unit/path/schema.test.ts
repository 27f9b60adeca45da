/**
 * The path in the scenario: hops filled from the facts table, the version-1 `serverIdleSec`
 * migrated to the server's hop, and bad hop input refused with the field named in its units.
 */
import { describe, expect, it } from 'vitest';
import { encodeShareFragment, decodeShareFragment, formatErrors, parseScenario, type Scenario } from '../../../src/core/index.ts';
import { HOP_FACTS } from '../../../src/core/path/hops.ts';
import { serverIdleSec } from '../../../src/core/path/path.ts';

function parsed(input: unknown): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(formatErrors(r.errors));
  return r.scenario;
}

function errorsOf(input: unknown): string {
  const r = parseScenario(input);
  if (r.ok) throw new Error('expected the scenario to be refused');
  return formatErrors(r.errors);
}

describe('network.middleboxes', () => {
  it('should fill a known kind’s idle limit and behaviour from the facts table', () => {
    const s = parsed({ version: 2, network: { middleboxes: [{ kind: 'aws-nat' }, { kind: 'cloudflare' }] } });
    expect(s.network.middleboxes).toEqual([
      { kind: 'aws-nat', idleSec: HOP_FACTS['aws-nat'].idleSec, onIdle: HOP_FACTS['aws-nat'].onIdle },
      { kind: 'cloudflare', idleSec: HOP_FACTS.cloudflare.idleSec, onIdle: HOP_FACTS.cloudflare.onIdle },
    ]);
  });

  it('should keep a configured limit over the default of its kind', () => {
    const s = parsed({ version: 2, network: { middleboxes: [{ kind: 'aws-alb', idleSec: 300 }] } });
    expect(s.network.middleboxes[0]).toEqual({ kind: 'aws-alb', idleSec: 300, onIdle: HOP_FACTS['aws-alb'].onIdle });
  });

  it('should open a version-1 document with serverIdleSec as the server’s hop, unchanged in meaning', () => {
    const s = parsed({ version: 1, network: { rttMs: 30, serverIdleSec: 45 } });
    expect(s.version).toBe(2);
    expect(s.network.middleboxes).toEqual([{ kind: 'server', idleSec: 45, onIdle: 'fin' }]);
    expect(serverIdleSec(s)).toBe(45);
    expect(s.network.rttMs).toBe(30);
  });

  it('should open a document without a version written before the path existed', () => {
    expect(serverIdleSec(parsed({ network: { serverIdleSec: 20 } }))).toBe(20);
    expect(parsed({ pool: { maxConnections: 4, maxKeepalive: 2 } }).network.middleboxes).toEqual([]);
  });

  it('should carry the path through a share link', () => {
    const s = parsed({ version: 2, network: { middleboxes: [{ kind: 'custom', idleSec: 90, onIdle: 'silent' }, { kind: 'server', idleSec: 120 }] } });
    const decoded = decodeShareFragment(encodeShareFragment({ scenario: s, view: { snippetTab: 'undici' } }));
    expect(decoded.ok && decoded.payload.scenario.network.middleboxes).toEqual(s.network.middleboxes);
  });

  it.each([
    ['a custom hop without a limit', [{ kind: 'custom', onIdle: 'fin' }], 'network.middleboxes[0].idleSec: is required for a custom hop (seconds'],
    ['a custom hop without a behaviour', [{ kind: 'custom', idleSec: 30 }], 'network.middleboxes[0].onIdle: is required for a custom hop'],
    ['a zero limit', [{ kind: 'aws-alb', idleSec: 0 }], 'network.middleboxes[0].idleSec: must be greater than 0'],
    ['an unknown kind', [{ kind: 'f5' }], 'network.middleboxes[0].kind: must be'],
    ['an unknown behaviour', [{ kind: 'custom', idleSec: 5, onIdle: 'drop' }], 'network.middleboxes[0].onIdle: must be "fin" or "rst" or "silent" or "silent-rst"'],
    ['a server hop before a middlebox', [{ kind: 'server', idleSec: 5 }, { kind: 'cloudflare' }], 'network.middleboxes[0].kind: a "server" hop is the API itself and must come last'],
    ['a server hop that drops silently', [{ kind: 'server', idleSec: 5, onIdle: 'silent' }], 'network.middleboxes[0].onIdle: must be "fin" for the server hop'],
    ['a misspelt field', [{ kind: 'aws-alb', idle: 5 }], 'network.middleboxes[0]: unknown field "idle"'],
  ])('should refuse %s and name the field', (_what, middleboxes, expected) => {
    expect(errorsOf({ version: 2, network: { middleboxes } })).toContain(expected);
  });

  it('should refuse retries on a client that does not retry, naming the pool field', () => {
    expect(errorsOf({ version: 2, client: 'undici', pool: { maxRetries: 2 } })).toContain('pool.maxRetries: must be 0 for');
    expect(parsed({ version: 2, client: 'undici', pool: { maxRetries: 0 } }).pool.maxRetries).toBe(0);
  });
});
