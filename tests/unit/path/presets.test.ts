/**
 * Path presets: each names known middleboxes, fills them from the facts table, parses as a valid
 * scenario, and keeps the API's own idle timeout (the server hop) when applied.
 */
import { describe, expect, it } from 'vitest';
import { defaultScenario, formatErrors, parseScenario, type Hop } from '../../../src/core/index.ts';
import { HOP_FACTS } from '../../../src/core/path/hops.ts';
import { applyPathPreset, PATH_PRESETS, type PathPreset } from '../../../src/core/path/pathPresets.ts';

function preset(id: string): PathPreset {
  const found = PATH_PRESETS.find((p) => p.id === id);
  if (!found) throw new Error(`no preset ${id}`);
  return found;
}

describe('path presets', () => {
  it('should offer the common paths with the hops the brief names, each with a note', () => {
    expect(PATH_PRESETS.map((p) => [p.label, p.kinds])).toEqual([
      ['Anthropic via Cloudflare', ['cloudflare']],
      ['OpenAI via Cloudflare', ['cloudflare']],
      ['Behind an AWS NAT gateway', ['aws-nat', 'cloudflare']],
      ['Through an AWS ALB', ['aws-alb']],
      ['Behind an Azure load balancer', ['azure-lb']],
      ['Direct (no middlebox)', []],
    ]);
    expect(new Set(PATH_PRESETS.map((p) => p.id)).size).toBe(PATH_PRESETS.length);
    for (const p of PATH_PRESETS) expect(p.note.length).toBeGreaterThan(30);
  });

  it('should fill each hop’s limit and behaviour from the facts table', () => {
    expect(applyPathPreset([], preset('aws-nat'))).toEqual([
      { kind: 'aws-nat', idleSec: 350, onIdle: 'silent-rst' },
      { kind: 'cloudflare', idleSec: HOP_FACTS.cloudflare.idleSec, onIdle: 'fin' },
    ]);
    expect(applyPathPreset([], preset('aws-alb'))).toEqual([{ kind: 'aws-alb', idleSec: 60, onIdle: 'fin' }]);
  });

  it('should replace the middleboxes and keep the server’s hop last', () => {
    const hops: Hop[] = [
      { kind: 'custom', idleSec: 30, onIdle: 'silent' },
      { kind: 'server', idleSec: 45, onIdle: 'fin' },
    ];
    expect(applyPathPreset(hops, preset('azure-lb'))).toEqual([
      { kind: 'azure-lb', idleSec: 240, onIdle: 'silent' },
      { kind: 'server', idleSec: 45, onIdle: 'fin' },
    ]);
    expect(applyPathPreset(hops, preset('direct'))).toEqual([{ kind: 'server', idleSec: 45, onIdle: 'fin' }]);
  });

  it('should not change the hops it is given', () => {
    const hops: Hop[] = [{ kind: 'server', idleSec: 45, onIdle: 'fin' }];
    const out = applyPathPreset(hops, preset('aws-alb'));
    expect(hops).toEqual([{ kind: 'server', idleSec: 45, onIdle: 'fin' }]);
    expect(out[1]).not.toBe(hops[0]);
  });

  it('should give a valid scenario for every preset, unchanged by parsing', () => {
    for (const p of PATH_PRESETS) {
      const base = defaultScenario();
      const withServer = { ...base, network: { ...base.network, middleboxes: [{ kind: 'server' as const, idleSec: 90, onIdle: 'fin' as const }] } };
      for (const s of [base, withServer]) {
        const candidate = { ...s, network: { ...s.network, middleboxes: applyPathPreset(s.network.middleboxes, p) } };
        const r = parseScenario(JSON.parse(JSON.stringify(candidate)));
        if (!r.ok) throw new Error(`${p.id}: ${formatErrors(r.errors)}`);
        expect(r.scenario.network.middleboxes).toEqual(candidate.network.middleboxes);
      }
    }
  });
});
