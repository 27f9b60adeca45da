/**
 * Decoding untrusted scenario documents. Every entry point (CLI file or stdin, share link,
 * local storage, imported file) calls `parseScenario`; nothing else builds a Scenario from input.
 *
 * Order: version check → migrations up to the current version → schema → cross-field rules.
 * Errors name the field by its path (`pool.maxKeepalive`) and say what is wrong in plain words.
 */
import type { core } from 'zod';
import { scenarioClient } from '../clients/registry.ts';
import { LOGNORMAL_MAX_P95_RATIO } from './durations.ts';
import { DEFAULTS, PROVIDERS, SCENARIO_VERSION, scenarioSchema, type Provider, type Scenario } from './schema.ts';

export interface FieldError {
  /** Dotted path of the field, e.g. `workload.classes[0].duration.meanSec`; empty for the whole document. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: FieldError[] };

/**
 * Migrations from version N to N+1, applied in order, so every stored file, link and saved state
 * written by an older version keeps opening. A document without `version` is taken as version 1
 * (the first published format); migrating a newer-shaped one changes nothing.
 */
const migrations: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  /** 1 → 2: the server's idle timeout became the last hop of the path. */
  1: (doc) => {
    const network = doc.network;
    if (!isPlainObject(network) || !('serverIdleSec' in network)) return doc;
    const { serverIdleSec, ...rest } = network;
    if (serverIdleSec === undefined) return { ...doc, network: rest };
    const hops = Array.isArray(rest.middleboxes) ? rest.middleboxes : [];
    return { ...doc, network: { ...rest, middleboxes: [...hops, { kind: 'server', idleSec: serverIdleSec }] } };
  },
};

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

export function formatErrors(errors: readonly FieldError[]): string {
  return errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ');
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function issueMessage(issue: core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const got = valueAt(input, issue.path);
      if (got === undefined) return `is required (${issue.expected})`;
      return `must be ${article(issue.expected)} (got ${describeValue(got)})`;
    }
    case 'too_small': {
      const bound = Number(issue.minimum);
      if (issue.origin === 'array') return `must have at least ${bound} item${bound === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return bound <= 1 ? 'must not be empty' : `must be at least ${bound} characters`;
      return issue.inclusive ? `must be at least ${bound}` : `must be greater than ${bound}`;
    }
    case 'too_big': {
      const bound = Number(issue.maximum);
      if (issue.origin === 'array') return `must have at most ${bound} items`;
      if (issue.origin === 'string') return `must be at most ${bound} characters`;
      return issue.inclusive ? `must be at most ${bound}` : `must be less than ${bound}`;
    }
    case 'not_multiple_of':
      return 'must be a whole number';
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'invalid_union': {
      const options = DISCRIMINATOR_OPTIONS[String(issue.path[issue.path.length - 1])];
      const got = valueAt(input, issue.path);
      if (options) return `must be ${options.map((o) => `"${o}"`).join(', ')} (got ${got === undefined ? 'nothing' : JSON.stringify(got)})`;
      return 'is not a valid value';
    }
    default:
      return issue.message;
  }
}

/** The choices behind each discriminated union, so a wrong `kind` lists the right ones. */
const DISCRIMINATOR_OPTIONS: Record<string, string[]> = {
  kind: ['users', 'poisson', 'bursty', 'trace'],
  dist: ['exponential', 'constant', 'lognormal'],
  metric: ['p99QueueWaitMs', 'pWait'],
};

function article(expected: string): string {
  if (expected === 'int') return 'a whole number';
  if (expected === 'array') return 'a list';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let here: unknown = input;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Rules that span several fields; each error points at the field a user should change. */
export function crossFieldErrors(s: Scenario): FieldError[] {
  const errors: FieldError[] = [];
  const pools = [s.pool, ...s.pools];
  pools.forEach((pool, i) => {
    const at = i === 0 ? 'pool' : `pools[${i - 1}]`;
    if (pool.maxKeepalive > pool.maxConnections) {
      errors.push({ path: `${at}.maxKeepalive`, message: `must not exceed maxConnections (${pool.maxConnections})` });
    }
    if (pool.perTenantMaxConnections !== undefined && pool.perTenantMaxConnections > pool.maxConnections) {
      errors.push({
        path: `${at}.perTenantMaxConnections`,
        message: `must not exceed maxConnections (${pool.maxConnections})`,
      });
    }
  });
  const names = new Set<string>();
  pools.forEach((pool, i) => {
    if (names.has(pool.name)) {
      errors.push({ path: i === 0 ? 'pool.name' : `pools[${i - 1}].name`, message: `duplicates the pool name "${pool.name}"` });
    }
    names.add(pool.name);
  });
  s.network.middleboxes.forEach((hop, i) => {
    const at = `network.middleboxes[${i}]`;
    if (hop.kind !== 'server') return;
    if (i !== s.network.middleboxes.length - 1) errors.push({ path: `${at}.kind`, message: 'a "server" hop is the API itself and must come last' });
    if (hop.onIdle !== 'fin') errors.push({ path: `${at}.onIdle`, message: 'must be "fin" for the server hop (the API closes idle connections politely)' });
  });
  const retries = scenarioClient(s)?.path?.retries;
  pools.forEach((pool, i) => {
    if (pool.maxRetries !== undefined && pool.maxRetries > 0 && retries === null) {
      errors.push({
        path: `${i === 0 ? 'pool' : `pools[${i - 1}]`}.maxRetries`,
        message: `must be 0 for ${scenarioClient(s)!.label}, which does not retry a failed request (use one of the SDK clients to retry)`,
      });
    }
  });
  const limit = s.rateLimit;
  if (limit && limit.tokensPerMinute !== undefined && limit.tokensPerRequest === undefined) {
    errors.push({ path: 'rateLimit.tokensPerRequest', message: 'is required with tokensPerMinute (mean tokens per request turn tokens into requests)' });
  }
  s.workload.classes.forEach((c, i) => {
    const at = `workload.classes[${i}]`;
    if (c.pool !== undefined && !names.has(c.pool)) {
      errors.push({ path: `${at}.pool`, message: `names no pool (pools are ${[...names].map((n) => `"${n}"`).join(', ')})` });
    }
    if (c.duration.dist === 'lognormal') {
      const ratio = c.duration.p95Sec / c.duration.meanSec;
      if (ratio <= 1) {
        errors.push({ path: `${at}.duration.p95Sec`, message: 'must be greater than meanSec for a lognormal' });
      } else if (ratio > LOGNORMAL_MAX_P95_RATIO) {
        errors.push({
          path: `${at}.duration.p95Sec`,
          message: `must be at most ${LOGNORMAL_MAX_P95_RATIO.toFixed(2)} × meanSec for a lognormal with that mean`,
        });
      }
    }
  });
  return errors;
}

/**
 * The endpoint's defaults follow its provider: an OpenAI scenario reads OPENAI_API_KEY from
 * api.openai.com unless told otherwise. Documents written before `provider` existed name it
 * through their base URL or key variable, so it is read from those when absent.
 */
function withEndpointDefaults(doc: Record<string, unknown>): Record<string, unknown> {
  const endpoint = doc.endpoint === undefined ? {} : doc.endpoint;
  if (!isPlainObject(endpoint)) return doc;
  const named = endpoint.provider;
  const hint = `${String(endpoint.baseUrl ?? '')} ${String(endpoint.apiKeyEnv ?? '')}`;
  const provider: Provider | undefined =
    named === undefined ? (/openai/i.test(hint) ? 'openai' : 'anthropic') : typeof named === 'string' && named in PROVIDERS ? (named as Provider) : undefined;
  if (!provider) return doc;
  const defaults = PROVIDERS[provider];
  return {
    ...doc,
    endpoint: { baseUrl: defaults.baseUrl, apiKeyEnv: defaults.apiKeyEnv, ...endpoint, provider },
  };
}

export function parseScenario(input: unknown): ParseResult {
  if (!isPlainObject(input)) {
    return { ok: false, errors: [{ path: '', message: `a scenario must be a JSON object (got ${describeValue(input)})` }] };
  }
  let doc: Record<string, unknown> = input;
  const rawVersion = doc.version ?? 1;
  if (typeof rawVersion !== 'number' || !Number.isInteger(rawVersion) || rawVersion < 1) {
    return { ok: false, errors: [{ path: 'version', message: `must be a whole number from 1 (got ${JSON.stringify(rawVersion)})` }] };
  }
  if (rawVersion > SCENARIO_VERSION) {
    return {
      ok: false,
      errors: [
        {
          path: 'version',
          message: `${rawVersion} is newer than this pool-sizer understands (${SCENARIO_VERSION}); update pool-sizer`,
        },
      ],
    };
  }
  for (let v = rawVersion; v < SCENARIO_VERSION; v++) {
    const migrate = migrations[v];
    if (!migrate) return { ok: false, errors: [{ path: 'version', message: `no migration from version ${v}` }] };
    doc = { ...migrate(doc), version: v + 1 };
  }
  const parsed = scenarioSchema().safeParse({ ...withEndpointDefaults(doc), version: SCENARIO_VERSION });
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issueMessage(issue, doc) })),
    };
  }
  const crossErrors = crossFieldErrors(parsed.data);
  return crossErrors.length ? { ok: false, errors: crossErrors } : { ok: true, scenario: parsed.data };
}

/** Parse JSON text as a scenario; a syntax error is reported like any other field error. */
export function parseScenarioJson(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [{ path: '', message: `not valid JSON (${(err as Error).message})` }] };
  }
  return parseScenario(value);
}

/** The full scenario with every default filled in: a fresh copy of DEFAULTS, equal to parsing `{ version }`. */
export function defaultScenario(): Scenario {
  return JSON.parse(
    JSON.stringify({
      version: SCENARIO_VERSION,
      workload: { arrival: DEFAULTS.arrival, classes: DEFAULTS.classes },
      network: DEFAULTS.network,
      pool: DEFAULTS.pool,
      pools: [],
      endpoint: DEFAULTS.endpoint,
      sim: DEFAULTS.sim,
      sizing: DEFAULTS.sizing,
      target: DEFAULTS.target,
    }),
  ) as Scenario;
}
