/**
 * Workload presets from the article's quick-reference table. Each carries a note saying where its
 * numbers come from: the pool settings are the article's; the workload behind them is our
 * assumption of a typical service of that kind, stated so a user can correct it.
 */
import { parseScenario, formatErrors } from './scenario/parse.ts';
import { SCENARIO_VERSION, type Scenario, type ScenarioInput } from './scenario/schema.ts';

export interface Preset {
  id: string;
  label: string;
  note: string;
  readonly scenario: Scenario;
}

interface PresetSource {
  id: string;
  label: string;
  note: string;
  input: Omit<ScenarioInput, 'version' | 'preset'>;
}

const sources: PresetSource[] = [
  {
    id: 'chat-app',
    label: 'Chat app (worked example)',
    note: 'The article’s worked example: 100 users, 8 s streamed replies, 30 s between requests → 27 → 30 connections, 15 kept warm, 120 s keep-alive.',
    input: {
      workload: {
        arrival: { kind: 'users', users: 100, thinkSec: 30 },
        classes: [{ name: 'chat', share: 1, streaming: true, duration: { dist: 'exponential', meanSec: 8 } }],
      },
      pool: { protocol: 'h1', maxConnections: 30, maxKeepalive: 15, keepaliveSec: 120 },
    },
  },
  {
    id: 'cli-tool',
    label: 'Single-user CLI tool',
    note: 'Article’s table: max 5 connections, 30 s keep-alive — low overhead, fast start-up. Workload assumed: one user, a request every ~20 s.',
    input: {
      workload: {
        arrival: { kind: 'users', users: 1, thinkSec: 20 },
        classes: [{ name: 'prompt', share: 1, streaming: true, duration: { dist: 'exponential', meanSec: 8 } }],
      },
      pool: { protocol: 'h1', maxConnections: 5, maxKeepalive: 3, keepaliveSec: 30 },
    },
  },
  {
    id: 'backend-api',
    label: 'Backend API (10–50 RPS)',
    note: 'Article’s table: max 30 connections, 120 s keep-alive, HTTP/2 on. Workload assumed: 30 req/s of short ~0.8 s non-streamed calls.',
    input: {
      workload: {
        arrival: { kind: 'poisson', perSec: 30 },
        classes: [{ name: 'api', share: 1, streaming: false, duration: { dist: 'lognormal', meanSec: 0.8, p95Sec: 2 } }],
      },
      pool: { protocol: 'h2', maxConnections: 30, maxKeepalive: 15, keepaliveSec: 120, streamsPerConnection: 100 },
    },
  },
  {
    id: 'batch',
    label: 'High-throughput batch (100+ RPS)',
    note: 'Article’s table: max 80 connections, 60 s keep-alive, a separate streaming pool (its two-pool example: 40 streaming, 10 kept warm). Workload assumed: 100 req/s, 90 % short batch calls, 10 % 3 s streams.',
    input: {
      workload: {
        arrival: { kind: 'poisson', perSec: 100 },
        classes: [
          { name: 'batch', share: 0.9, streaming: false, duration: { dist: 'lognormal', meanSec: 0.5, p95Sec: 1.2 } },
          { name: 'stream', share: 0.1, streaming: true, duration: { dist: 'exponential', meanSec: 3 }, pool: 'streaming' },
        ],
      },
      pool: { name: 'batch', protocol: 'h1', maxConnections: 80, maxKeepalive: 40, keepaliveSec: 60 },
      pools: [{ name: 'streaming', protocol: 'h1', maxConnections: 40, maxKeepalive: 10, keepaliveSec: 120 }],
    },
  },
  {
    id: 'multi-tenant',
    label: 'Multi-tenant SaaS',
    note: 'Article’s table: a pool per tenant with max 10 connections each, 200 overall. Workload assumed: 20 tenants sharing 30 req/s of 4 s streamed replies.',
    input: {
      workload: {
        arrival: { kind: 'poisson', perSec: 30 },
        classes: [{ name: 'tenant-chat', share: 1, streaming: true, duration: { dist: 'exponential', meanSec: 4 } }],
      },
      pool: { protocol: 'h1', maxConnections: 200, maxKeepalive: 100, keepaliveSec: 120, tenants: 20, perTenantMaxConnections: 10 },
    },
  },
];

/** Parsed on first use: the preset buttons need only the labels, and parsing needs the schema. */
function build(source: PresetSource): Preset {
  let scenario: Scenario | undefined;
  return {
    id: source.id,
    label: source.label,
    note: source.note,
    get scenario(): Scenario {
      if (scenario) return scenario;
      const result = parseScenario({ ...source.input, version: SCENARIO_VERSION, preset: source.id });
      if (!result.ok) throw new Error(`preset ${source.id} is invalid: ${formatErrors(result.errors)}`);
      return (scenario = result.scenario);
    },
  };
}

export const PRESETS: readonly Preset[] = sources.map(build);

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** A fresh copy, so editing a scenario never mutates the preset table. */
export function presetScenario(id: string): Scenario | undefined {
  const preset = findPreset(id);
  return preset ? (JSON.parse(JSON.stringify(preset.scenario)) as Scenario) : undefined;
}
