/**
 * The imported traffic as a scenario document: by default a trace for exact replay (the classes
 * found, with fitted durations); with `fit`, the fitted arrival model instead of the trace.
 * The result goes through parseScenario like any other document.
 */
import { PROVIDERS, SCENARIO_VERSION, type Provider, type ScenarioInput } from '../scenario/schema.ts';
import { fitArrival, type ArrivalFit } from './fitArrival.ts';
import { fitDurations, type DurationFit } from './fitDurations.ts';
import type { ImportedTraffic } from './importTraffic.ts';
import { round } from './stats.ts';
import { apiEndpointOf, hostOfOrigin } from './url.ts';

export interface TrafficFit {
  arrival: ArrivalFit;
  classes: (DurationFit & { name: string; share: number; streaming: boolean })[];
}

export function fitTraffic(traffic: ImportedTraffic): TrafficFit {
  const total = traffic.classes.reduce((sum, c) => sum + c.durationsSec.length, 0);
  return {
    arrival: fitArrival({ starts: traffic.startsSec, durations: traffic.durationsSec, ...(traffic.users && { users: traffic.users }) }),
    classes: traffic.classes.map((c) => ({
      name: c.name,
      share: Math.max(1e-6, round(c.durationsSec.length / total, 6)),
      streaming: c.streaming ?? false,
      ...fitDurations(c.durationsSec),
    })),
  };
}

/** The provider whose request shape the calls had: OpenAI's paths or host, else Anthropic's. */
function providerOf(traffic: ImportedTraffic): Provider {
  const origin = traffic.summary.origin;
  if (origin && hostOfOrigin(origin) === 'api.openai.com') return 'openai';
  if (origin && hostOfOrigin(origin) === 'api.anthropic.com') return 'anthropic';
  const endpoints = [...traffic.paths].map(apiEndpointOf);
  return endpoints.some((e) => e === 'messages') || !endpoints.some((e) => e !== undefined) ? 'anthropic' : 'openai';
}

/** The schema's base-URL rule (letters, digits, . - only): an origin outside it keeps the provider's. */
const PLAIN_ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?$/;

export function toScenario(traffic: ImportedTraffic, fit: TrafficFit, options: { fitted: boolean }): ScenarioInput {
  const provider = providerOf(traffic);
  const origin = traffic.summary.origin;
  const baseUrl = origin && PLAIN_ORIGIN.test(origin) ? origin : PROVIDERS[provider].baseUrl;
  return {
    version: SCENARIO_VERSION,
    workload: {
      arrival: options.fitted ? fit.arrival.arrival : { kind: 'trace', rows: traffic.rows },
      classes: fit.classes.map((c) => ({ name: c.name, share: c.share, streaming: c.streaming, duration: c.duration })),
    },
    endpoint: { provider, baseUrl, apiKeyEnv: PROVIDERS[provider].apiKeyEnv },
  };
}
