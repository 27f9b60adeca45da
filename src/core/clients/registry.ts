/**
 * The one list of client families (src/core/clients/<family>/), and the clients table built from
 * it. Everything that lists clients reads this: the scenario's `client` field, the export tabs and
 * their link ids, the CLI's target list, the "today" column (the client's defaults), the simulator's
 * pool rules (POOL_POLICIES) and the snippet generators (GENERATORS). Adding a client family is a
 * folder plus one line in FAMILIES (README, "Adding a client").
 *
 * Facts only, each with where it was read: repository, file and line in the version named.
 * tests/unit/clients/ reads the installed libraries at test time and fails if an entry drifts.
 */
import { AIOHTTP_FAMILY } from './aiohttp/index.ts';
import { GENERIC_FAMILY } from './generic/index.ts';
import { GO_NETHTTP_FAMILY } from './goNetHttp/index.ts';
import { HTTPX_FAMILY } from './httpx/index.ts';
import { NODE_SDK_FAMILY } from './nodeSdk/index.ts';
import { OKHTTP_FAMILY } from './okhttp/index.ts';
import type { PoolPolicy } from '../sim/policy.ts';
import type { PoolCore } from '../sim/pool.ts';
import type { ClientFacts, ClientFamily, SnippetGenerator, SnippetTargetFacts } from './types.ts';
import { UNDICI_FAMILY } from './undici/index.ts';
import { forNode, type NodeMajor } from './undici/node.ts';

/** In tab order: the export tabs, the CLI's lists and the link's tab ids follow it. */
export const FAMILIES = [GENERIC_FAMILY, UNDICI_FAMILY, HTTPX_FAMILY, NODE_SDK_FAMILY, AIOHTTP_FAMILY, GO_NETHTTP_FAMILY, OKHTTP_FAMILY] as const;

type Family = (typeof FAMILIES)[number];
export type ClientId = Family['clients'][number]['id'];
export type SnippetTargetId = Family['clients'][number]['targets'][number]['id'];
type RulesOf<F> = F extends ClientFamily<infer R, readonly ClientFacts[], string> ? R : never;
export type FamilyId = Family['id'];
/** Every pool-rule family the simulator implements. */
export type PoolRules = RulesOf<Family>;

/** A row of the table: its id is one of the known ids, so a typo in a lookup does not compile. */
export type KnownClient = ClientFacts & { readonly id: ClientId };

export const CLIENTS: readonly KnownClient[] = FAMILIES.flatMap((f): readonly KnownClient[] => f.clients);

export const CLIENT_IDS = CLIENTS.map((c) => c.id) as [ClientId, ...ClientId[]];

/** The policy constructor of every pool-rule family (src/core/sim/policyFactory.ts reads it). */
export const POOL_POLICIES = Object.assign({}, ...FAMILIES.map((f) => f.policies)) as Record<PoolRules, (core: PoolCore) => PoolPolicy>;

/** One generator per snippet target; each family's Record is complete, so this one is too. */
export const GENERATORS = Object.assign({}, ...FAMILIES.map((f) => f.generators)) as Record<SnippetTargetId, SnippetGenerator>;

/** A client named by a string from outside (a scenario, a link, the CLI): undefined when unknown. */
export function findClient(id: string | undefined): ClientFacts | undefined {
  return id === undefined ? undefined : CLIENTS.find((c) => c.id === id);
}

/** Every snippet target once, in table order (a target offered by two clients appears under the first). */
export const SNIPPET_TARGET_FACTS: readonly SnippetTargetFacts[] = (() => {
  const seen = new Map<string, SnippetTargetFacts>();
  for (const client of CLIENTS) for (const t of client.targets) if (!seen.has(t.id)) seen.set(t.id, t);
  return [...seen.values()];
})();

/** The client a scenario without `client` is exported for by default. */
export const DEFAULT_CLIENT_ID: ClientId = 'undici';

/** The scenario's client on the scenario's Node, or undefined for generic rules. */
export function scenarioClient(s: { client?: string | undefined; node?: NodeMajor | undefined }): ClientFacts | undefined {
  const client = findClient(s.client);
  return client && forNode(client, s.node);
}
