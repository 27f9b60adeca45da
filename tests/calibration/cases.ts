/**
 * The calibration scenarios: small, scaled-down workloads (tens to hundreds of milliseconds) that each
 * exercise one pool rule, run by every real client and by the simulator with the same `client`.
 */
import { parseScenario, type ClientId, type Scenario } from '../../src/core/index.ts';
import { FAMILIES } from '../../src/core/clients/registry.ts';
import type { CalibrationKit } from '../../src/core/clients/testKit.ts';
import { TEST_KITS } from '../../src/core/clients/testKits.ts';

/** A client some family's test kit calibrates (its `calibration.runtimes`). */
export type CalibrationClient = ClientId;

/** Every calibrated client, in the registry's order: each family's test kit says which of its clients run and where. */
export const ALL_CLIENTS: CalibrationClient[] = FAMILIES.flatMap((f) => Object.keys(TEST_KITS[f.id].calibration?.runtimes ?? {}) as ClientId[]);

/** The clients that run a case: all of them, but a library without HTTP/2 sits out the HTTP/2 cases. */
export function clientsFor(c: CalibrationCase): CalibrationClient[] {
  return ALL_CLIENTS.filter((client) => c.protocol === 'h1' || !calibrationKit(client).h1Only);
}

/** The test kit's calibration entry of the family that holds `client`. */
export function calibrationKit(client: CalibrationClient): CalibrationKit {
  const family = FAMILIES.find((f) => f.clients.some((x) => x.id === client));
  const kit = family && TEST_KITS[family.id].calibration;
  if (!kit?.runtimes[client]) throw new Error(`no calibration runtime for ${client} in its family's test kit`);
  return kit;
}

export type CaseArrival = { kind: 'users'; users: number; thinkSec: number; thinkDist: 'exponential' | 'constant' } | { kind: 'poisson'; perSec: number };

export interface CalibrationCase {
  id: string;
  title: string;
  protocol: 'h1' | 'h2';
  rttMs: number;
  /** The server's fixed delay before answering. */
  serviceMs: number;
  arrival: CaseArrival;
  pool: { maxConnections: number; maxKeepalive: number; keepaliveSec: number };
  /** The server's idle timeout, sent as `Keep-Alive: timeout=N` (HTTP/1.1); absent = 60 s, beyond every run's gaps. */
  serverIdleSec?: number;
  /** Requests per run (the first 10 % are the warm-up, as in the simulator). */
  requests: number;
}

export const CASES: CalibrationCase[] = [
  {
    id: 'users-warm',
    title: 'closed users, keep-alive longer than the gaps',
    protocol: 'h1',
    rttMs: 40,
    serviceMs: 150,
    arrival: { kind: 'users', users: 8, thinkSec: 0.4, thinkDist: 'exponential' },
    pool: { maxConnections: 5, maxKeepalive: 5, keepaliveSec: 5 },
    requests: 200,
  },
  {
    id: 'users-keepalive-cap',
    title: 'closed users, keep-alive cap (3) below the connection cap (5)',
    protocol: 'h1',
    rttMs: 40,
    serviceMs: 150,
    arrival: { kind: 'users', users: 8, thinkSec: 0.4, thinkDist: 'exponential' },
    pool: { maxConnections: 5, maxKeepalive: 3, keepaliveSec: 5 },
    requests: 300,
  },
  {
    id: 'users-short-keepalive',
    title: 'closed users, keep-alive (0.15 s) shorter than most gaps',
    protocol: 'h1',
    rttMs: 40,
    serviceMs: 100,
    arrival: { kind: 'users', users: 4, thinkSec: 0.4, thinkDist: 'exponential' },
    pool: { maxConnections: 8, maxKeepalive: 8, keepaliveSec: 0.15 },
    requests: 300,
  },
  {
    id: 'users-saturated',
    title: 'closed users, pool (3) smaller than the load',
    protocol: 'h1',
    rttMs: 30,
    serviceMs: 100,
    arrival: { kind: 'users', users: 10, thinkSec: 0.1, thinkDist: 'constant' },
    pool: { maxConnections: 3, maxKeepalive: 3, keepaliveSec: 5 },
    requests: 300,
  },
  {
    id: 'poisson-roomy',
    title: 'Poisson arrivals, roomy pool',
    protocol: 'h1',
    rttMs: 40,
    serviceMs: 150,
    arrival: { kind: 'poisson', perSec: 12 },
    pool: { maxConnections: 12, maxKeepalive: 12, keepaliveSec: 5 },
    requests: 200,
  },
  {
    id: 'poisson-small-pool',
    title: 'Poisson arrivals, pool (3) smaller than the peaks',
    protocol: 'h1',
    rttMs: 40,
    serviceMs: 200,
    arrival: { kind: 'poisson', perSec: 10 },
    pool: { maxConnections: 3, maxKeepalive: 3, keepaliveSec: 5 },
    requests: 250,
  },
  {
    id: 'server-hint',
    title: 'closed users, server idle timeout 3 s (Keep-Alive: timeout=3), client keep-alive 10 s',
    protocol: 'h1',
    rttMs: 40,
    serviceMs: 100,
    arrival: { kind: 'users', users: 4, thinkSec: 1.2, thinkDist: 'exponential' },
    pool: { maxConnections: 4, maxKeepalive: 4, keepaliveSec: 10 },
    serverIdleSec: 3,
    requests: 120,
  },
  {
    id: 'h2-users',
    title: 'HTTP/2, closed users, up to 4 connections',
    protocol: 'h2',
    rttMs: 40,
    serviceMs: 100,
    arrival: { kind: 'users', users: 12, thinkSec: 0.2, thinkDist: 'exponential' },
    pool: { maxConnections: 4, maxKeepalive: 4, keepaliveSec: 5 },
    requests: 300,
  },
  {
    id: 'h2-poisson',
    title: 'HTTP/2, Poisson arrivals, up to 6 connections',
    protocol: 'h2',
    rttMs: 40,
    serviceMs: 150,
    arrival: { kind: 'poisson', perSec: 20 },
    pool: { maxConnections: 6, maxKeepalive: 6, keepaliveSec: 5 },
    requests: 300,
  },
];

/** How long a request holds its connection, by the case's numbers: the server's delay plus one round trip. */
export const nominalHoldSec = (c: CalibrationCase): number => (c.serviceMs + c.rttMs) / 1000;

/**
 * The scenario both the snippet and the simulator read: the request holds its connection for service + one
 * round trip, or, replaying a run, for what each request held it (`[startSec, holdSec]` rows).
 */
export function scenarioFor(c: CalibrationCase, client: CalibrationClient, baseUrl: string, simRequests: number, warmupShare: number, seed = 1, trace?: [number, number][]): Scenario {
  const durationSec = nominalHoldSec(c);
  const arrival = trace ? { kind: 'trace' as const, rows: trace } : c.arrival;
  const result = parseScenario({
    version: 1,
    client,
    endpoint: { baseUrl },
    network: { rttMs: c.rttMs, dnsMs: 0, tls: '1.3', ...(c.serverIdleSec !== undefined ? { serverIdleSec: c.serverIdleSec } : {}) },
    workload: { arrival, classes: [{ name: 'call', share: 1, duration: { dist: 'constant', meanSec: durationSec } }] },
    pool: { ...c.pool, protocol: c.protocol, streamsPerConnection: 100 },
    sim: { requests: simRequests, warmupShare, seed },
  });
  if (!result.ok) throw new Error(`calibration case ${c.id}: ${JSON.stringify(result.errors)}`);
  return result.scenario;
}
