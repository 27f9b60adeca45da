/**
 * The scenario: the one description of a workload that the formula, the simulator, the snippet
 * generators, share links and the CLI all read. Every untrusted document (file, link, storage,
 * CLI stdin) passes through `parseScenario` (parse.ts), which applies this schema.
 *
 * Missing parts take the defaults written here (and documented in docs/scenario.md); unknown
 * keys are refused so that a typo such as `maxConnection` is reported instead of silently ignored.
 */
import { z } from 'zod';
import { CLIENT_IDS } from '../clients.ts';

export const SCENARIO_VERSION = 1 as const;

/** Hard bounds: beyond these a value is a typo, not a workload, and is refused. */
export const LIMITS = {
  users: 1_000_000,
  thinkSec: 86_400,
  perSec: 100_000,
  durationSec: 3_600,
  rttMs: 5_000,
  dnsMs: 10_000,
  connections: 100_000,
  keepaliveSec: 86_400,
  streamsPerConnection: 1_000,
  tenants: 1_000,
  classes: 20,
  pools: 20,
  traceRows: 200_000,
  simRequests: 10_000_000,
  seed: 4_294_967_295,
} as const;

const positive = (max: number) => z.number().gt(0).max(max);
const nonNegative = (max: number) => z.number().min(0).max(max);
const count = (min: number, max: number) => z.number().int().min(min).max(max);

/** Names reach generated source code; generators escape them, the schema only keeps them printable. */
const name = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[^\u0000-\u001f\u007f]*$/, { error: 'must not contain control characters (newlines, tabs…)' });

const usersArrival = z.strictObject({
  kind: z.literal('users'),
  users: count(1, LIMITS.users),
  thinkSec: positive(LIMITS.thinkSec),
  thinkDist: z.enum(['exponential', 'constant']).default('exponential'),
});

const poissonArrival = z.strictObject({
  kind: z.literal('poisson'),
  perSec: positive(LIMITS.perSec),
});

/** Poisson arrivals at `perSec` during `onSec`, then silence for `offSec`, repeated. */
const burstyArrival = z.strictObject({
  kind: z.literal('bursty'),
  perSec: positive(LIMITS.perSec),
  onSec: positive(LIMITS.thinkSec),
  offSec: nonNegative(LIMITS.thinkSec),
});

/** A recorded trace: one `[startSec, durationSec]` pair per request, in any order. */
const traceArrival = z.strictObject({
  kind: z.literal('trace'),
  rows: z
    .array(z.tuple([nonNegative(1e9), positive(LIMITS.durationSec)]))
    .min(1)
    .max(LIMITS.traceRows),
});

export const arrivalSchema = z.discriminatedUnion('kind', [usersArrival, poissonArrival, burstyArrival, traceArrival]);

const exponentialDuration = z.strictObject({ dist: z.literal('exponential'), meanSec: positive(LIMITS.durationSec) });
const constantDuration = z.strictObject({ dist: z.literal('constant'), meanSec: positive(LIMITS.durationSec) });
/** Lognormal given by its mean and 95th percentile, the two figures people actually know. */
const lognormalDuration = z.strictObject({
  dist: z.literal('lognormal'),
  meanSec: positive(LIMITS.durationSec),
  p95Sec: positive(LIMITS.durationSec),
});

export const durationSchema = z.discriminatedUnion('dist', [exponentialDuration, constantDuration, lognormalDuration]);

export const requestClassSchema = z.strictObject({
  name,
  /** Relative weight; shares are normalised, so [1, 3] means 25 % / 75 %. */
  share: z.number().gt(0).max(1_000),
  streaming: z.boolean().default(false),
  duration: durationSchema,
  /** Name of the pool this class is routed to; defaults to the main `pool`. */
  pool: name.optional(),
});

export const tlsSchema = z.enum(['1.2', '1.3', 'none']);

export const networkSchema = z.strictObject({
  rttMs: nonNegative(LIMITS.rttMs).default(50),
  dnsMs: nonNegative(LIMITS.dnsMs).default(20),
  tls: tlsSchema.default('1.3'),
  /** How long a DNS answer is reused; 0 = every new connection resolves (Node's default: no cache). */
  dnsCacheSec: nonNegative(LIMITS.keepaliveSec).default(0),
  /** The server closes connections idle this long; absent = the server never closes first. */
  serverIdleSec: positive(LIMITS.keepaliveSec).optional(),
});

const poolFields = {
  name: name.default('shared'),
  protocol: z.enum(['h1', 'h2']).default('h1'),
  maxConnections: count(1, LIMITS.connections).default(30),
  maxKeepalive: count(0, LIMITS.connections).default(15),
  keepaliveSec: nonNegative(LIMITS.keepaliveSec).default(120),
  streamsPerConnection: count(1, LIMITS.streamsPerConnection).default(100),
  /** Fail a request that waited this long for a connection; absent = wait forever (undici's behaviour). */
  poolTimeoutSec: positive(LIMITS.keepaliveSec).optional(),
  /** A pool per tenant under the global `maxConnections` cap (multi-tenant SaaS). */
  tenants: count(1, LIMITS.tenants).default(1),
  perTenantMaxConnections: count(1, LIMITS.connections).optional(),
};

export const poolSchema = z.strictObject(poolFields);

/** The API providers whose request shape (headers, paths, key variable) the snippets know. */
export const PROVIDERS = {
  anthropic: { label: 'Anthropic', baseUrl: 'https://api.anthropic.com', apiKeyEnv: 'ANTHROPIC_API_KEY' },
  openai: { label: 'OpenAI', baseUrl: 'https://api.openai.com', apiKeyEnv: 'OPENAI_API_KEY' },
} as const;
export type Provider = keyof typeof PROVIDERS;
export const PROVIDER_IDS = Object.keys(PROVIDERS) as [Provider, ...Provider[]];

/** Provider limits; the page shows the concurrency they allow and the simulator can hold requests back to them. */
export const rateLimitSchema = z.strictObject({
  requestsPerMinute: positive(100_000_000).optional(),
  tokensPerMinute: positive(10_000_000_000).optional(),
  /** Mean tokens (input + output) per request, to turn tokens per minute into requests. */
  tokensPerRequest: positive(10_000_000).optional(),
  /** Simulate a client-side limiter: requests beyond the limit wait for their turn. */
  simulate: z.boolean().default(false),
});

export const endpointSchema = z.strictObject({
  /** Decides headers, paths and the default key variable; absent = read from the base URL (parse.ts). */
  provider: z.enum(PROVIDER_IDS).default('anthropic'),
  baseUrl: z
    .string()
    .max(200)
    .regex(/^https?:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?(\/[A-Za-z0-9._~/-]*)?$/, {
      error: 'must be a plain http(s) URL such as https://api.anthropic.com (letters, digits, . - / only)',
    })
    .default('https://api.anthropic.com'),
  apiKeyEnv: z
    .string()
    .regex(/^[A-Z_][A-Z0-9_]{0,63}$/, { error: 'must be an environment variable name such as ANTHROPIC_API_KEY' })
    .default('ANTHROPIC_API_KEY'),
});

export const simSchema = z.strictObject({
  requests: count(100, LIMITS.simRequests).default(100_000),
  seed: count(0, LIMITS.seed).default(1),
  /** Share of the run (by requests) excluded from statistics while the pool warms up. */
  warmupShare: z.number().min(0).max(0.5).default(0.1),
});

export const sizingSchema = z.strictObject({
  /** Extra connections on top of the mean load: 0.1 = 10 %. */
  headroom: z.number().min(0).max(10).default(0.1),
  /** Share of maxConnections kept warm when idle. */
  keepaliveShare: z.number().min(0).max(1).default(0.5),
});

export const targetSchema = z.discriminatedUnion('metric', [
  z.strictObject({ metric: z.literal('p99QueueWaitMs'), value: nonNegative(3_600_000) }),
  z.strictObject({ metric: z.literal('pWait'), value: z.number().min(0).max(1) }),
]);

export const defaultClasses = [
  { name: 'chat', share: 1, streaming: true, duration: { dist: 'exponential' as const, meanSec: 8 } },
];

export const scenarioSchema = z.strictObject({
  version: z.literal(SCENARIO_VERSION),
  /** Which preset the scenario started from, if any (informational). */
  preset: z.string().max(40).optional(),
  /** The HTTP client the service runs (clients.ts); absent = generic pool rules. */
  client: z.enum(CLIENT_IDS).optional(),
  workload: z
    .strictObject({
      arrival: arrivalSchema.prefault({ kind: 'users', users: 100, thinkSec: 30 }),
      classes: z.array(requestClassSchema).min(1).max(LIMITS.classes).prefault(defaultClasses),
    })
    .prefault({}),
  network: networkSchema.prefault({}),
  pool: poolSchema.prefault({}),
  /** Extra pools, each with a unique name; classes name theirs with `pool`. */
  pools: z.array(poolSchema).max(LIMITS.pools).default([]),
  endpoint: endpointSchema.prefault({}),
  rateLimit: rateLimitSchema.optional(),
  sim: simSchema.prefault({}),
  sizing: sizingSchema.prefault({}),
  target: targetSchema.prefault({ metric: 'p99QueueWaitMs', value: 100 }),
});

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Arrival = Scenario['workload']['arrival'];
export type RequestClass = Scenario['workload']['classes'][number];
export type Duration = RequestClass['duration'];
export type Network = Scenario['network'];
export type PoolSettings = Scenario['pool'];
export type Endpoint = Scenario['endpoint'];
export type RateLimit = NonNullable<Scenario['rateLimit']>;
export type SimSettings = Scenario['sim'];
export type Target = Scenario['target'];
