/**
 * The undici Agents of a scenario, one per pool (or a cached Agent per tenant), written once here
 * and used by the undici 8 and 7 modules, the Node SDK snippets and the monitor. What differs
 * between majors (HTTP/2 default, where the stream limit goes, whether POSTs multiplex) is read
 * from the clients table, with the source line it was read at.
 */
import type { ClientFacts } from '../clients/types.ts';
import { cite, keepaliveRemark, tenantRemark } from './comments.ts';
import { jsTenantFactory } from './tenantFactory.ts';
import { commentText, jsIdentifier } from './escape.ts';
import { clientCaps, type PoolSizing, type SnippetInput } from './input.ts';
import { formatNumber } from '../format.ts';
import { ownReadTimeoutRemark, tcpKeepalivePlan } from './path.ts';

export interface UndiciFlavour {
  /** The clients-table entry of the undici major written for (`undici` = 8, `undici7`). */
  client: ClientFacts;
  /** TypeScript annotations on the tenant factories (SDK snippets are .ts files). */
  typed: boolean;
}

export interface AgentName {
  pool: PoolSizing;
  /** Expression that yields the pool's Agent for a tenant id expression, or the Agent itself. */
  agent: (tenantId: string) => string;
  /** Module-level binding: the Agent (`fooAgent`) or the tenant factory (`fooAgentForTenant`). */
  exported: string;
  /** The Map of tenant Agents, for closing them. */
  cache?: string;
}

export function agentNames(input: SnippetInput): AgentName[] {
  const taken = new Set<string>();
  return input.pools.map((pool) => {
    if (pool.tenants <= 1) {
      const name = jsIdentifier(pool.name, 'Agent', taken);
      return { pool, agent: () => name, exported: name };
    }
    const factory = jsIdentifier(pool.name, 'AgentForTenant', taken);
    const cache = jsIdentifier(pool.name, 'Agents', taken);
    return { pool, agent: (tenantId: string) => `${factory}(${tenantId})`, exported: factory, cache };
  });
}

const ms = (sec: number) => formatNumber(Math.max(1, Math.round(sec * 1000)), 0).replace(/,/g, '_');

/** undici 7 over HTTP/2 runs one POST per connection, so it needs at least the HTTP/1.1 size. */
function connectionsLine(pool: PoolSizing, flavour: UndiciFlavour): string {
  const cap = clientCaps(pool).maxConnections;
  const perTenant = pool.tenants > 1 ? ' per tenant' : '';
  if (pool.protocol === 'h2' && flavour.client.snippet?.multiplexesPosts?.value === false) {
    const h1 = pool.tenants > 1 ? pool.h1TenantMaxConnections : pool.h1MaxConnections;
    return cap >= h1
      ? `  connections: ${cap}, // max open sockets${perTenant}; not below the ${h1} an HTTP/1.1 pool needs for this load, as ${flavour.client.label} runs one POST per connection (see allowH2 below)`
      : `  connections: ${h1}, // the HTTP/1.1 size for this load${perTenant}, not the scenario's HTTP/2 ${cap}: ${flavour.client.label} runs one POST per connection (see allowH2 below)`;
  }
  return `  connections: ${cap}, // max open sockets to the API${perTenant}`;
}

function protocolLines(pool: PoolSizing, flavour: UndiciFlavour): string[] {
  const c = flavour.client;
  const facts = c.snippet ?? {};
  if (pool.protocol === 'h1') {
    return [
      c.defaults.protocol === 'h2'
        ? `  allowH2: false, // HTTP/1.1: ${c.label} speaks HTTP/2 to any server offering it unless told not to${c.sources.protocol ? ` (${cite(c.sources.protocol)})` : ''}`
        : `  allowH2: false, // HTTP/1.1 (${c.label}'s default too; undici 8 turns HTTP/2 on unless this says false)`,
      '  pipelining: 1, // HTTP/1.1: one request per socket at a time',
    ];
  }
  if (facts.multiplexesPosts?.value === false) {
    return [
      '  allowH2: true, // negotiate HTTP/2 where the API offers it',
      `  // ${c.label} runs one POST at a time per connection even over HTTP/2 (a non-idempotent request`,
      `  // waits for the others: ${cite(facts.multiplexesPosts.source)}), so \`connections\` above is never`,
      '  // below the HTTP/1.1 size for this load and pipelining stays 1. undici 8 multiplexes them.',
      '  pipelining: 1,',
    ];
  }
  const streams = facts.streamsOption;
  const streamsLine =
    streams?.name === 'h2Options.maxConcurrentStreams'
      ? `  h2Options: { maxConcurrentStreams: ${pool.streamsPerConnection} }, // streams per HTTP/2 connection (${cite(streams.source)})`
      : `  maxConcurrentStreams: ${pool.streamsPerConnection}, // streams per HTTP/2 connection`;
  return ['  allowH2: true, // HTTP/2 via ALPN: concurrent requests share a connection', streamsLine];
}

/**
 * The `connect` option: the connect timeout and, where the path needs it or the pool sets it, TCP
 * keep-alive (undici turns SO_KEEPALIVE on with a 60 s initial delay unless told otherwise; Node's
 * setKeepAlive sets the idle time before the first probe, and an answered probe restarts it).
 */
function connectLine(input: SnippetInput, pool: PoolSizing, flavour: UndiciFlavour): string {
  const timeout = `timeout: ${ms(input.connectTimeoutSec)}`;
  const plan = tcpKeepalivePlan(input, pool, flavour.client);
  if (!plan) return `  connect: { ${timeout} },`;
  if (plan.sec === null) return `  connect: { ${timeout}, keepAlive: false }, // ${plan.remark} (undici's default: a probe after ${formatNumber(flavour.client.path.tcpKeepaliveSec ?? 60, 0)} s idle, ${cite(flavour.client.path.tcpKeepaliveSource)})`;
  return `  connect: { ${timeout}, keepAlive: true, keepAliveInitialDelay: ${ms(plan.sec)} }, // ${plan.remark}`;
}

export function agentOptions(input: SnippetInput, pool: PoolSizing, flavour: UndiciFlavour): string[] {
  const own = ownReadTimeoutRemark(input, pool);
  return [
    connectionsLine(pool, flavour),
    `  keepAliveTimeout: ${ms(pool.keepaliveSec)}, // ${keepaliveRemark(input, pool, flavour.client)}`,
    `  keepAliveMaxTimeout: ${ms(pool.keepaliveSec)}, // cap on longer keep-alive hints from the server`,
    connectLine(input, pool, flavour),
    `  headersTimeout: ${ms(pool.readTimeoutSec)}, // non-streamed replies send headers only when generation ends${own ? `; ${own}` : ''}`,
    `  bodyTimeout: ${ms(pool.readTimeoutSec)}, // max silence between body chunks of a stream`,
    ...protocolLines(pool, flavour),
  ];
}

function poolComments(pool: PoolSizing): string[] {
  const idle = `the scenario keeps ${clientCaps(pool).maxKeepalive} idle${pool.tenants > 1 ? ' per tenant' : ''}, but undici has no idle cap and keeps every idle socket until keepAliveTimeout.`;
  const lines = pool.tenants > 1 ? [`// Pool ${commentText(pool.name)}: ${tenantRemark(pool, 'undici', 'Agent')[0]}`, `// ${idle}`, `// ${tenantRemark(pool, 'undici', 'Agent')[1]}`] : [`// Pool ${commentText(pool.name)}: ${idle}`];
  if (pool.poolTimeoutSec !== undefined) {
    lines.push(`// undici has no limit on the wait for a free socket, so the scenario's ${pool.poolTimeoutSec} s pool timeout is not set here.`);
  }
  return lines;
}

/** Every pool's Agent (or tenant factory), as module-level code. */
export function agentDefinitions(input: SnippetInput, flavour: UndiciFlavour): string {
  return agentNames(input)
    .map(({ pool, exported, cache }) => {
      const options = agentOptions(input, pool, flavour);
      if (!cache) return [...poolComments(pool), `export const ${exported} = new Agent({`, ...options, '});'].join('\n');
      const factory = jsTenantFactory({
        cache,
        factory: exported,
        type: 'Agent',
        typed: flavour.typed,
        local: 'agent',
        doc: 'The tenant\u2019s own Agent, created on first use and kept for the life of the process.',
        construct: ['new Agent({', ...options, '});'],
      });
      return [...poolComments(pool), ...factory].join('\n');
    })
    .join('\n\n');
}

/** An expression closing every Agent, tenant ones included (a Promise). */
export function closeAllAgents(input: SnippetInput): string {
  const parts = agentNames(input).map((n) => (n.cache ? `...[...${n.cache}.values()].map((a) => a.close())` : `${n.exported}.close()`));
  return `Promise.all([${parts.join(', ')}])`;
}
