/**
 * The scenario: the one description of a workload that the formula, the simulator, the snippet
 * generators, share links and the CLI all read. Every untrusted document (file, link, storage,
 * CLI stdin) passes through `parseScenario` (parse.ts), which applies this schema.
 *
 * Missing parts take the defaults in `DEFAULTS` (documented in docs/scenario.md); unknown keys are
 * refused so that a typo such as `maxConnection` is reported instead of silently ignored.
 *
 * The zod schemas are built on first use, not at import: building them costs about 40 ms of main
 * thread in Chromium, and the page's first screen (the default scenario) needs no parsing.
 */
import './zodConfig.ts';
import { z } from 'zod';
import { CLIENT_IDS, NODE_MAJORS } from '../clients/index.ts';
import { HOP_FACTS, HOP_KINDS, ON_IDLE, type HopKind, type OnIdle } from '../path/hops.ts';

/** 2: `network.serverIdleSec` became the server's hop in `network.middleboxes` (parse.ts migrates version 1). */
export const SCENARIO_VERSION = 2 as const;

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
  hops: 8,
  retries: 10,
} as const;

/**
 * Every default, in one place: the schema fills missing fields from it, and `defaultScenario()`
 * (parse.ts) returns a copy of it without parsing. A unit test checks that parsing `{ version }`
 * gives exactly this object.
 */
export const DEFAULTS = {
  arrival: { kind: 'users', users: 100, thinkSec: 30, thinkDist: 'exponential' },
  classes: [{ name: 'chat', share: 1, streaming: true, duration: { dist: 'exponential', meanSec: 8 } }],
  network: { rttMs: 50, dnsMs: 20, tls: '1.3', dnsCacheSec: 0, middleboxes: [] },
  pool: { name: 'shared', protocol: 'h1', maxConnections: 30, maxKeepalive: 15, keepaliveSec: 120, streamsPerConnection: 100, tenants: 1 },
  endpoint: { provider: 'anthropic', baseUrl: 'https://api.anthropic.com', apiKeyEnv: 'ANTHROPIC_API_KEY' },
  sim: { requests: 100_000, seed: 1, warmupShare: 0.1 },
  sizing: { headroom: 0.1, keepaliveShare: 0.5 },
  target: { metric: 'p99QueueWaitMs', value: 100 },
} as const;

/** The API providers whose request shape (headers, paths, key variable) the snippets know. */
export const PROVIDERS = {
  anthropic: { label: 'Anthropic', baseUrl: 'https://api.anthropic.com', apiKeyEnv: 'ANTHROPIC_API_KEY' },
  openai: { label: 'OpenAI', baseUrl: 'https://api.openai.com', apiKeyEnv: 'OPENAI_API_KEY' },
} as const;
export type Provider = keyof typeof PROVIDERS;
export const PROVIDER_IDS = Object.keys(PROVIDERS) as [Provider, ...Provider[]];

function buildScenarioSchema() {
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
    thinkDist: z.enum(['exponential', 'constant']).default(DEFAULTS.arrival.thinkDist),
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

  const arrivalSchema = z.discriminatedUnion('kind', [usersArrival, poissonArrival, burstyArrival, traceArrival]);

  const exponentialDuration = z.strictObject({ dist: z.literal('exponential'), meanSec: positive(LIMITS.durationSec) });
  const constantDuration = z.strictObject({ dist: z.literal('constant'), meanSec: positive(LIMITS.durationSec) });
  /** Lognormal given by its mean and 95th percentile, the two figures people actually know. */
  const lognormalDuration = z.strictObject({
    dist: z.literal('lognormal'),
    meanSec: positive(LIMITS.durationSec),
    p95Sec: positive(LIMITS.durationSec),
  });

  const durationSchema = z.discriminatedUnion('dist', [exponentialDuration, constantDuration, lognormalDuration]);

  const requestClassSchema = z.strictObject({
    name,
    /** Relative weight; shares are normalised, so [1, 3] means 25 % / 75 %. */
    share: z.number().gt(0).max(1_000),
    streaming: z.boolean().default(false),
    duration: durationSchema,
    /** Name of the pool this class is routed to; defaults to the main `pool`. */
    pool: name.optional(),
    /**
     * Seconds from sending to the response's first byte: how long the connection is silent. Absent:
     * a streamed response starts at once, a non-streamed one arrives whole at the end of its duration.
     */
    firstByteSec: positive(LIMITS.durationSec).optional(),
  });

  const tlsSchema = z.enum(['1.2', '1.3', 'none']);

  /** A hop as written; `resolveHop` fills a known kind's limit and behaviour from the facts table. */
  const hopSchema = z
    .strictObject({
      kind: z.enum(HOP_KINDS as [HopKind, ...HopKind[]]),
      idleSec: positive(LIMITS.keepaliveSec).optional(),
      onIdle: z.enum(ON_IDLE as [OnIdle, ...OnIdle[]]).optional(),
    })
    .transform((hop, ctx) => {
      const known = hop.kind === 'custom' || hop.kind === 'server' ? undefined : HOP_FACTS[hop.kind];
      const idleSec = hop.idleSec ?? known?.idleSec;
      const onIdle = hop.onIdle ?? known?.onIdle ?? (hop.kind === 'server' ? 'fin' : undefined);
      if (idleSec === undefined) {
        ctx.issues.push({ code: 'custom', input: hop, path: ['idleSec'], message: `is required for a ${hop.kind} hop (seconds a connection may stay idle)` });
        return z.NEVER;
      }
      if (onIdle === undefined) {
        ctx.issues.push({ code: 'custom', input: hop, path: ['onIdle'], message: `is required for a custom hop (${ON_IDLE.map((o) => `"${o}"`).join(', ')})` });
        return z.NEVER;
      }
      return { kind: hop.kind, idleSec, onIdle };
    });

  const networkSchema = z.strictObject({
    rttMs: nonNegative(LIMITS.rttMs).default(DEFAULTS.network.rttMs),
    dnsMs: nonNegative(LIMITS.dnsMs).default(DEFAULTS.network.dnsMs),
    tls: tlsSchema.default(DEFAULTS.network.tls),
    /** How long a DNS answer is reused; 0 = every new connection resolves (Node's default: no cache). */
    dnsCacheSec: nonNegative(LIMITS.keepaliveSec).default(DEFAULTS.network.dnsCacheSec),
    /**
     * The hops between client and API, client side first (src/core/path/hops.ts): each closes a
     * connection idle `idleSec` in its `onIdle` way. A `kind` other than custom fills both from the
     * facts table; `server` is the API's own idle timeout (it closes politely: FIN) and comes last.
     */
    middleboxes: z.array(hopSchema).max(LIMITS.hops).default([]),
  });

  const poolFields = {
    /** Longest silence while reading a response, then the request fails; absent = derived from the classes (path/requestTiming.ts). */
    readTimeoutSec: positive(LIMITS.keepaliveSec).optional(),
    /** Attempts after a failed one (connection error or read timeout); absent = the client's default (the SDKs' 2, raw clients 0). */
    maxRetries: count(0, LIMITS.retries).optional(),
    /** Idle seconds before the first TCP keep-alive probe, whole seconds as kernels take them; 0 = no probes; absent = the client's default. */
    tcpKeepaliveSec: count(0, LIMITS.keepaliveSec).optional(),
    name: name.default(DEFAULTS.pool.name),
    protocol: z.enum(['h1', 'h2']).default(DEFAULTS.pool.protocol),
    maxConnections: count(1, LIMITS.connections).default(DEFAULTS.pool.maxConnections),
    maxKeepalive: count(0, LIMITS.connections).default(DEFAULTS.pool.maxKeepalive),
    keepaliveSec: nonNegative(LIMITS.keepaliveSec).default(DEFAULTS.pool.keepaliveSec),
    streamsPerConnection: count(1, LIMITS.streamsPerConnection).default(DEFAULTS.pool.streamsPerConnection),
    /** Fail a request that waited this long for a connection; absent = wait forever (undici's behaviour). */
    poolTimeoutSec: positive(LIMITS.keepaliveSec).optional(),
    /** A pool per tenant under the global `maxConnections` cap (multi-tenant SaaS). */
    tenants: count(1, LIMITS.tenants).default(DEFAULTS.pool.tenants),
    perTenantMaxConnections: count(1, LIMITS.connections).optional(),
  };

  const poolSchema = z.strictObject(poolFields);

  /** Provider limits; the page shows the concurrency they allow and the simulator can hold requests back to them. */
  const rateLimitSchema = z.strictObject({
    requestsPerMinute: positive(100_000_000).optional(),
    tokensPerMinute: positive(10_000_000_000).optional(),
    /** Mean tokens (input + output) per request, to turn tokens per minute into requests. */
    tokensPerRequest: positive(10_000_000).optional(),
    /** Simulate a client-side limiter: requests beyond the limit wait for their turn. */
    simulate: z.boolean().default(false),
  });

  const endpointSchema = z.strictObject({
    /** Decides headers, paths and the default key variable; absent = read from the base URL (parse.ts). */
    provider: z.enum(PROVIDER_IDS).default(DEFAULTS.endpoint.provider),
    baseUrl: z
      .string()
      .max(200)
      .regex(/^https?:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?(\/[A-Za-z0-9._~/-]*)?$/, {
        error: 'must be a plain http(s) URL such as https://api.anthropic.com (letters, digits, . - / only)',
      })
      .default(DEFAULTS.endpoint.baseUrl),
    apiKeyEnv: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]{0,63}$/, { error: 'must be an environment variable name such as ANTHROPIC_API_KEY' })
      .default(DEFAULTS.endpoint.apiKeyEnv),
  });

  const simSchema = z.strictObject({
    requests: count(100, LIMITS.simRequests).default(DEFAULTS.sim.requests),
    seed: count(0, LIMITS.seed).default(DEFAULTS.sim.seed),
    /** Share of the run (by requests) excluded from statistics while the pool warms up. */
    warmupShare: z.number().min(0).max(0.5).default(DEFAULTS.sim.warmupShare),
  });

  const sizingSchema = z.strictObject({
    /** Extra connections on top of the mean load: 0.1 = 10 %. */
    headroom: z.number().min(0).max(10).default(DEFAULTS.sizing.headroom),
    /** Share of maxConnections kept warm when idle. */
    keepaliveShare: z.number().min(0).max(1).default(DEFAULTS.sizing.keepaliveShare),
  });

  const targetSchema = z.discriminatedUnion('metric', [
    z.strictObject({ metric: z.literal('p99QueueWaitMs'), value: nonNegative(3_600_000) }),
    z.strictObject({ metric: z.literal('pWait'), value: z.number().min(0).max(1) }),
  ]);

  return z.strictObject({
    version: z.literal(SCENARIO_VERSION),
    /** Which preset the scenario started from, if any (informational). */
    preset: z.string().max(40).optional(),
    /** The HTTP client the service runs (src/core/clients/); absent = generic pool rules. */
    client: z.enum(CLIENT_IDS).optional(),
    /**
     * The Node major of a client on Node's global fetch (node-fetch, openai-ts, anthropic-ts), whose
     * bundled undici decides pool rules and protocol; absent = DEFAULT_NODE_MAJOR (clients/undici/node.ts), so a
     * document written before the field opens and simulates as it did. Other clients ignore it.
     */
    node: z.enum(NODE_MAJORS).optional(),
    workload: z
      .strictObject({
        arrival: arrivalSchema.prefault({ kind: DEFAULTS.arrival.kind, users: DEFAULTS.arrival.users, thinkSec: DEFAULTS.arrival.thinkSec }),
        classes: z.array(requestClassSchema).min(1).max(LIMITS.classes).prefault(DEFAULTS.classes.map((c) => ({ ...c, duration: { ...c.duration } }))),
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
    target: targetSchema.prefault({ ...DEFAULTS.target }),
  });
}

let builtSchema: ReturnType<typeof buildScenarioSchema> | undefined;

export function scenarioSchema(): ReturnType<typeof buildScenarioSchema> {
  return (builtSchema ??= buildScenarioSchema());
}

export type Scenario = z.output<ReturnType<typeof buildScenarioSchema>>;
export type ScenarioInput = z.input<ReturnType<typeof buildScenarioSchema>>;
export type Arrival = Scenario['workload']['arrival'];
export type RequestClass = Scenario['workload']['classes'][number];
export type Duration = RequestClass['duration'];
export type Network = Scenario['network'];
export type Hop = Network['middleboxes'][number];
export type PoolSettings = Scenario['pool'];
export type Endpoint = Scenario['endpoint'];
export type RateLimit = NonNullable<Scenario['rateLimit']>;
export type SimSettings = Scenario['sim'];
export type Target = Scenario['target'];
