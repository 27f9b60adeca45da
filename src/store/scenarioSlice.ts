import type { StateCreator } from 'zustand';
import {
  applyProposal,
  defaultScenario,
  findClient,
  formatNumber,
  isCurrent,
  parseScenario,
  presetScenario,
  PROVIDERS,
  type FieldError,
  type Proposal,
  type Provider,
  type Scenario,
  type SnippetTab,
} from '../core/index.ts';
import { getAt, setAt } from './paths.ts';
import type { AppState } from './index.ts';

/**
 * The scenario being edited. `scenario` is always the last *valid* scenario: an edit that fails
 * validation leaves it alone and records a message against the field, so results never show
 * NaN or a half-applied change.
 */
export interface ScenarioSlice {
  scenario: Scenario;
  /** Raw text of fields whose current text is not (yet) a valid value, keyed by path. */
  drafts: Record<string, string>;
  fieldErrors: Record<string, string>;
  /** Sets a field from what the user typed; `scale` converts display units (e.g. % → fraction), `unit` names them in messages. */
  editNumber(path: string, raw: string, scale?: number, unit?: string): void;
  /** Sets a non-numeric field (a choice, a name, a flag). */
  editValue(path: string, value: unknown): void;
  /** Sets a free-text field (a name, a URL); empty or invalid text stays as a draft with a message. */
  editText(path: string, raw: string): void;
  /** Leaving a field: a valid draft gives way to the stored value, an invalid one stays with its message. */
  blurField(path: string): void;
  applyPreset(id: string): void;
  /** Replaces the whole scenario (a link, a file, a reset); the caller has validated it. */
  replaceScenario(scenario: Scenario): void;
  /** Chooses the client library (undefined = generic rules); the export panel follows it. */
  setClient(id: string | undefined): void;
  /** Chooses the API provider; a base URL and key variable still at the old provider's defaults follow it. */
  setProvider(provider: Provider): void;
  /** Writes a proposal's numbers into the pools; refused (false) when it was computed for other inputs. */
  applyProposal(proposal: Proposal): boolean;
}

export function numberFromText(raw: string): { ok: true; value: number } | { ok: false; message: string } {
  const text = raw.trim().replace(/_/g, '');
  if (text === '') return { ok: false, message: 'enter a number' };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, message: `“${raw.trim()}” is not a number` };
  return { ok: true, value };
}

/** The most relevant message for a field: errors on the field itself first, then any below it. */
export function messageFor(path: string, errors: readonly FieldError[]): string {
  const own = errors.find((e) => e.path === path) ?? errors.find((e) => e.path.startsWith(path));
  const first = own ?? errors[0];
  if (!first) return 'is not valid';
  return own ? first.message : `${first.path}: ${first.message}`;
}

function without(record: Record<string, string>, key: string): Record<string, string> {
  if (!(key in record)) return record;
  const { [key]: _removed, ...rest } = record;
  return rest;
}

/**
 * Lowering a pool's maxConnections below its maxKeepalive (or per-tenant cap) would be refused as a
 * contradiction; users mean "a smaller pool", so the dependent caps follow it down.
 */
export function followDependentCaps(candidate: unknown, path: string): unknown {
  const match = /^(pool|pools\[\d+\])\.maxConnections$/.exec(path);
  if (!match) return candidate;
  const poolPath = match[1] as string;
  const pool = getAt(candidate, poolPath) as { maxConnections?: unknown; maxKeepalive?: unknown; perTenantMaxConnections?: unknown } | undefined;
  if (!pool || typeof pool.maxConnections !== 'number' || !Number.isInteger(pool.maxConnections) || pool.maxConnections < 1) return candidate;
  let next = candidate;
  if (typeof pool.maxKeepalive === 'number' && pool.maxKeepalive > pool.maxConnections) next = setAt(next, `${poolPath}.maxKeepalive`, pool.maxConnections);
  if (typeof pool.perTenantMaxConnections === 'number' && pool.perTenantMaxConnections > pool.maxConnections) {
    next = setAt(next, `${poolPath}.perTenantMaxConnections`, pool.maxConnections);
  }
  return next;
}

/**
 * A schema message speaks in stored units ("at most 10" for a fraction); the field shows another
 * (1000 %). Bounds in the message are converted to what the user sees, with the field's unit.
 */
function isMeasure(unit: string): boolean {
  return /^(%|s|ms)(\s|$)|\//.test(unit);
}

export function inDisplayUnits(message: string, scale: number, unit: string | undefined): string {
  if (scale === 1 && !unit) return message;
  return message.replace(/\b(at most|at least|greater than|less than|exceed) (-?\d+(?:\.\d+)?)(?![\d.])/g, (_m, words: string, number: string) => {
    const shown = formatNumber(Number((Number(number) * scale).toPrecision(12)), 3);
    // Units of measure follow the number ("0 s", "1,000 %"); count nouns do not ("at least 1", never "1 users").
    return `${words} ${shown}${unit && isMeasure(unit) ? ` ${unit}` : ''}`;
  });
}

/** Renaming a pool keeps the classes routed to it: their `pool` references follow the new name. */
export function renameRoutes(before: Scenario, candidate: Scenario, path: string, name: string): Scenario {
  if (!/^(pool|pools\[\d+\])\.name$/.test(path)) return candidate;
  const old = getAt(before, path);
  if (typeof old !== 'string' || old === name) return candidate;
  // Classes without `pool` ride the main pool whatever its name; only explicit references move.
  const classes = candidate.workload.classes.map((c) => (c.pool === old ? { ...c, pool: name } : c));
  return { ...candidate, workload: { ...candidate.workload, classes } };
}

export const createScenarioSlice: StateCreator<AppState, [], [], ScenarioSlice> = (set, get) => {
  const commit = (path: string, candidate: unknown, raw: string | null, scale = 1, unit?: string) => {
    const result = parseScenario(followDependentCaps(candidate, path));
    if (result.ok) {
      // The typed text stays as the draft ("1." must not snap to "1" mid-typing); blur drops it.
      set((state) => ({
        scenario: result.scenario,
        drafts: raw === null ? without(state.drafts, path) : { ...state.drafts, [path]: raw },
        fieldErrors: without(state.fieldErrors, path),
      }));
    } else {
      set((state) => ({
        drafts: raw === null ? state.drafts : { ...state.drafts, [path]: raw },
        fieldErrors: { ...state.fieldErrors, [path]: inDisplayUnits(messageFor(path, result.errors), scale, unit) },
      }));
    }
  };
  return {
    scenario: defaultScenario(),
    drafts: {},
    fieldErrors: {},
    editNumber(path, raw, scale = 1, unit) {
      const parsed = numberFromText(raw);
      if (!parsed.ok) {
        set((state) => ({ drafts: { ...state.drafts, [path]: raw }, fieldErrors: { ...state.fieldErrors, [path]: parsed.message } }));
        return;
      }
      commit(path, setAt(get().scenario, path, parsed.value / scale), raw, scale, unit);
    },
    editValue(path, value) {
      commit(path, setAt(get().scenario, path, value), null);
    },
    editText(path, raw) {
      commit(path, renameRoutes(get().scenario, setAt(get().scenario, path, raw), path, raw), raw);
    },
    blurField(path) {
      set((state) => (state.fieldErrors[path] ? state : { drafts: without(state.drafts, path) }));
    },
    applyPreset(id) {
      const scenario = presetScenario(id);
      if (scenario) set({ scenario, drafts: {}, fieldErrors: {} });
    },
    replaceScenario(scenario) {
      set({ scenario, drafts: {}, fieldErrors: {} });
    },
    setClient(id) {
      const client = findClient(id);
      const { client: _old, ...rest } = get().scenario;
      const result = parseScenario(client ? { ...rest, client: client.id } : rest);
      if (!result.ok) return;
      set(client ? { scenario: result.scenario, snippetTab: client.id as SnippetTab } : { scenario: result.scenario });
    },
    setProvider(provider) {
      const { scenario } = get();
      const old = PROVIDERS[scenario.endpoint.provider];
      const next = PROVIDERS[provider];
      const endpoint = {
        provider,
        baseUrl: scenario.endpoint.baseUrl === old.baseUrl ? next.baseUrl : scenario.endpoint.baseUrl,
        apiKeyEnv: scenario.endpoint.apiKeyEnv === old.apiKeyEnv ? next.apiKeyEnv : scenario.endpoint.apiKeyEnv,
      };
      const result = parseScenario({ ...scenario, endpoint });
      if (result.ok) {
        set((state) => ({
          scenario: result.scenario,
          drafts: without(without(state.drafts, 'endpoint.baseUrl'), 'endpoint.apiKeyEnv'),
          fieldErrors: without(without(state.fieldErrors, 'endpoint.baseUrl'), 'endpoint.apiKeyEnv'),
        }));
      }
    },
    applyProposal(proposal) {
      const { scenario } = get();
      if (!isCurrent(proposal, scenario)) return false;
      const result = parseScenario(applyProposal(scenario, proposal));
      if (!result.ok) return false;
      // The pool fields now hold the proposal; stale drafts or errors in them would contradict it.
      set((state) => ({
        scenario: result.scenario,
        drafts: Object.fromEntries(Object.entries(state.drafts).filter(([path]) => !/^pools?\b/.test(path))),
        fieldErrors: Object.fromEntries(Object.entries(state.fieldErrors).filter(([path]) => !/^pools?\b/.test(path))),
      }));
      return true;
    },
  };
};
