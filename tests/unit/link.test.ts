import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, decodeShareFragment, encodeShareFragment, LINK_TRACE_ROWS, linkRefusal, parseScenario, PRESETS, SNIPPET_TABS, shareUrl, SCENARIO_VERSION, type Scenario } from '../../src/core/index.ts';
import { run } from '../../src/cli/main.ts';
import { scenarioArb } from './arbitraries.ts';
import lzString from 'lz-string';

describe('share link codec', () => {
  it('should round-trip every preset exactly, in under 2,000 characters', () => {
    for (const preset of PRESETS) {
      const url = shareUrl('https://pool-sizer.example/app/', { scenario: preset.scenario, view: { snippetTab: 'httpx' } });
      expect(url.length).toBeLessThan(2000);
      const decoded = decodeShareFragment(url);
      expect(decoded).toEqual({ ok: true, payload: { scenario: preset.scenario, view: { snippetTab: 'httpx' } }, warnings: [] });
    }
  });

  it('should round-trip generated scenarios exactly', () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom(...SNIPPET_TABS), (scenario, snippetTab) => {
        const view = { snippetTab };
        const decoded = decodeShareFragment(encodeShareFragment({ scenario, view }));
        expect(decoded.ok && decoded.payload).toEqual({ scenario, view });
      }),
      { numRuns: 300 },
    );
  });

  it('should keep the link in the fragment, replacing any fragment of the base', () => {
    expect(shareUrl('https://x.example/?a=1#old', { scenario: PRESETS[0]!.scenario, view: DEFAULT_VIEW })).toMatch(/^https:\/\/x\.example\/\?a=1#s=1\./);
  });

  it.each([
    ['no scenario', 'https://x.example/', 'the link holds no scenario'],
    ['a newer format', '#s=9.abc', 'made by a newer pool-sizer'],
    ['no version', '#s=abc', 'no format version'],
    ['undecodable data', '#s=1.%%%', 'truncated or corrupted'],
    ['data that is not JSON', `#s=1.${lzString.compressToEncodedURIComponent('{"s":')}`, 'not valid JSON'],
    ['an out-of-range value', `#s=1.${lzString.compressToEncodedURIComponent(JSON.stringify({ s: { pool: { maxConnections: 1e9 } } }))}`, 'pool.maxConnections: must be at most 100000'],
    ['a wrong type', `#s=1.${lzString.compressToEncodedURIComponent(JSON.stringify({ s: { workload: { arrival: { kind: 'users', users: '100', thinkSec: 30 } } } }))}`, 'workload.arrival.users: must be a number'],
    ['a scenario from a newer version', `#s=1.${lzString.compressToEncodedURIComponent(JSON.stringify({ s: { version: 3 } }))}`, 'version: 3 is newer'],
  ])('should refuse a link with %s and say why', (_what, link, message) => {
    const decoded = decodeShareFragment(link);
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.error).toContain(message);
  });

  it('should keep the scenario but drop an unknown view setting, with a warning', () => {
    const link = `#s=1.${lzString.compressToEncodedURIComponent(JSON.stringify({ s: { version: 1 }, v: { snippetTab: '<img src=x onerror=alert(1)>' } }))}`;
    const decoded = decodeShareFragment(link);
    expect(decoded.ok).toBe(true);
    expect(decoded.ok && decoded.payload.view.snippetTab).toBe('undici');
    expect(decoded.ok && decoded.warnings[0]).toContain('unknown snippet tab');
  });

  it('should decode thousands of random and mutated links to a scenario or a clear error, never a throw', () => {
    const good = encodeShareFragment({ scenario: PRESETS[3]!.scenario, view: DEFAULT_VIEW });
    const mutated = fc.tuple(fc.nat(good.length - 1), fc.nat(good.length), fc.string({ maxLength: 4 }), fc.constantFrom('truncate', 'flip', 'insert', 'markup'))
      .map(([at, to, text, how]) => {
        if (how === 'truncate') return good.slice(0, Math.max(at, 1));
        if (how === 'flip') {
          const code = good.charCodeAt(at) ^ (1 << (to % 7));
          return good.slice(0, at) + String.fromCharCode(code) + good.slice(at + 1);
        }
        if (how === 'markup') return `s=1.${lzString.compressToEncodedURIComponent(`{"s":{"workload":{"classes":[{"name":"<img src=x onerror=alert(1)>","share":1e308,"duration":{"dist":"constant","meanSec":${to}}}]}}}`)}`;
        return good.slice(0, at) + text + good.slice(at);
      });
    const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }).map((s) => `s=1.${s}`), mutated);
    fc.assert(
      fc.property(anyText, (link) => {
        const decoded = decodeShareFragment(link);
        if (decoded.ok) expect(decoded.payload.scenario.version).toBe(SCENARIO_VERSION);
        else expect(decoded.error.length).toBeGreaterThan(10);
      }),
      { numRuns: 3000 },
    );
  });
});

function traceInput(requests: number) {
  return { version: 1, workload: { arrival: { kind: 'trace', rows: Array.from({ length: requests }, (_, i) => [i * 0.5, 2]) } } };
}
function traceScenario(requests: number): Scenario {
  const parsed = parseScenario(traceInput(requests));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

describe('traces too long for a link', () => {
  it('should carry a trace of up to LINK_TRACE_ROWS requests, exactly', () => {
    const scenario = traceScenario(LINK_TRACE_ROWS);
    expect(linkRefusal(scenario)).toBeNull();
    const decoded = decodeShareFragment(encodeShareFragment({ scenario, view: DEFAULT_VIEW }));
    expect(decoded.ok && decoded.payload.scenario).toEqual(scenario);
  });

  it('should refuse one more, saying how many requests and the limit', () => {
    expect(linkRefusal(traceScenario(LINK_TRACE_ROWS + 1))).toBe('its trace has 2,001 requests and a link holds at most 2,000');
    expect(linkRefusal(PRESETS[0]!.scenario)).toBeNull();
  });
});

describe('pool-sizer link and decode', () => {
  async function cli(args: string[], stdin = '') {
    let stdout = '';
    let stderr = '';
    const code = await run(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readStdin: async () => stdin });
    return { code, stdout, stderr };
  }

  it('should print a link that decode turns back into the same scenario', async () => {
    const linked = await cli(['link', '-', '--base', 'https://pool-sizer.example/'], JSON.stringify(PRESETS[1]!.scenario));
    expect(linked.code).toBe(0);
    expect(linked.stdout).toMatch(/^https:\/\/pool-sizer\.example\/#s=1\./);
    const decoded = await cli(['decode', linked.stdout.trim()]);
    expect(decoded.code).toBe(0);
    expect(JSON.parse(decoded.stdout)).toEqual(PRESETS[1]!.scenario);
  });

  it('should exit 2 with one line for a trace too long for a link', async () => {
    const { code, stdout, stderr } = await cli(['link', '-'], JSON.stringify(traceInput(LINK_TRACE_ROWS + 1)));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('no link for this scenario: its trace has 2,001 requests and a link holds at most 2,000; share the scenario file instead');
  });

  it('should exit 2 with one line on a broken link', async () => {
    const { code, stdout, stderr } = await cli(['decode', 'https://pool-sizer.example/#s=1.garbage']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('pool-sizer decode: the link is truncated or corrupted');
  });
});
