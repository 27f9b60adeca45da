/**
 * Python clients of a scenario, one per pool (or a cached client per tenant), for the httpx, httpx2
 * and SDK modules alike: they differ only in the constructor expression they pass in.
 */
import { tenantRemark } from './comments.ts';
import { pyIdentifier, pyString } from './escape.ts';
import type { PoolSizing, SnippetInput } from './input.ts';

export interface PyClientName {
  pool: PoolSizing;
  /** The module-level client, or the tenant factory. */
  exported: string;
  /** Expression yielding the client (for a tenant: given a tenant id expression). */
  client: (tenantId: string) => string;
  /** The dict of tenant clients, for closing them. */
  cache?: string;
}

export function pyClientNames(input: SnippetInput): PyClientName[] {
  const taken = new Set<string>();
  return input.pools.map((pool) => {
    if (pool.tenants <= 1) {
      const name = pyIdentifier(pool.name, 'client', taken);
      return { pool, exported: name, client: () => name };
    }
    const factory = pyIdentifier(pool.name, 'client_for_tenant', taken);
    const cache = `_${pyIdentifier(pool.name, 'clients', taken)}`;
    return { pool, exported: factory, client: (tenantId: string) => `${factory}(${tenantId})`, cache };
  });
}

export interface PyClientKind {
  /** Type of the client, for annotations (`httpx2.AsyncClient`, `anthropic.AsyncAnthropic`). */
  type: string;
  /** Library named in the tenant note ("httpx2 cannot enforce…"). */
  library: string;
  /** Lines of the constructor expression for a pool, first line unindented (`X(`), the rest indented by 4. */
  construct(pool: PoolSizing): string[];
}

/** Every pool's client (or tenant factory) as module-level code. */
export function pyClientDefinitions(input: SnippetInput, kind: PyClientKind): string {
  return pyClientNames(input)
    .map(({ pool, exported, cache }) => {
      const [first, ...rest] = kind.construct(pool);
      if (!cache) return [`# Pool ${pyString(pool.name)}`, `${exported} = ${first}`, ...rest].join('\n');
      return [
        `# Pool ${pyString(pool.name)}: ${tenantRemark(pool, kind.library, 'client')[0]}`,
        `# ${tenantRemark(pool, kind.library, 'client')[1]}`,
        `${cache} = {}  # tenant id -> client`,
        '',
        '',
        `def ${exported}(tenant_id: str) -> ${kind.type}:`,
        '    """The tenant\'s own client, created on first use and kept for the life of the process."""',
        `    client = ${cache}.get(tenant_id)`,
        '    if client is None:',
        `        client = ${first}`,
        ...rest.map((l) => `        ${l}`),
        `        ${cache}[tenant_id] = client`,
        '    return client',
      ].join('\n');
    })
    .join('\n\n\n');
}

/** Body lines of a close function: `await x.aclose()` for each client, tenant ones included. */
export function pyCloseLines(input: SnippetInput, close: (client: string) => string): string[] {
  return pyClientNames(input).flatMap((n) =>
    n.cache ? [`for client in list(${n.cache}.values()):`, `    ${close('client')}`, `${n.cache}.clear()`] : [close(n.exported)],
  );
}
