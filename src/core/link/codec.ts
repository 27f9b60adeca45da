/**
 * Share links: the whole scenario and the view state in the URL fragment (after `#`, so nothing
 * reaches any server), compressed with lz-string's URI-safe alphabet and versioned:
 *
 *   https://host/#s=1.<lz-string data>
 *
 * Decoding is validation. A link may be truncated, hand-edited, made by another version or
 * crafted; every path ends in either a valid payload (with warnings for anything dropped) or an
 * error message that says what was wrong. Nothing here throws, and nothing is ever rendered as HTML.
 */
import lzString from 'lz-string';
import { CLIENT_IDS, DEFAULT_CLIENT_ID, type ClientId } from '../clients/index.ts';
import { formatNumber, plural } from '../format.ts';
import { formatErrors, parseScenario } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';

export const LINK_VERSION = 1;
/** Export tabs are the clients of the clients table, one tab per client. */
export const SNIPPET_TABS: readonly ClientId[] = CLIENT_IDS;
export type SnippetTab = ClientId;

/**
 * Tab ids of links made before tabs followed the clients table; they open the nearest tab.
 * `recommendationSource` of those links is dropped: exports now follow the scenario's own pool.
 */
const LEGACY_TABS: Readonly<Record<string, SnippetTab>> = { 'httpx-sync': 'httpx', sdks: 'anthropic-py', monitoring: 'undici' };

export interface ViewState {
  snippetTab: SnippetTab;
}

export const DEFAULT_VIEW: ViewState = { snippetTab: DEFAULT_CLIENT_ID };

export interface SharePayload {
  scenario: Scenario;
  view: ViewState;
}

export type DecodeResult =
  | { ok: true; payload: SharePayload; warnings: string[] }
  | { ok: false; error: string };

/** Link format migrations: version N → N+1 of the decoded JSON. Version 1 is the first. */
const linkMigrations: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {};

/**
 * The longest trace a link carries. lz-string's time grows faster than the text (Node 20 on this
 * machine: 9 ms for 2,000 rows, 130 ms for 10,000, 2.1 s and a 985 KB fragment for 200,000), and the
 * page re-encodes the link after every edit; 2,000 rows make a fragment of about 9 KB.
 */
export const LINK_TRACE_ROWS = 2_000;

/** Why a scenario cannot travel in a link, or null when it can. */
export function linkRefusal(scenario: Scenario): string | null {
  const arrival = scenario.workload.arrival;
  if (arrival.kind !== 'trace' || arrival.rows.length <= LINK_TRACE_ROWS) return null;
  return `its trace has ${plural(arrival.rows.length, 'request')} and a link holds at most ${formatNumber(LINK_TRACE_ROWS, 0)}`;
}

/** Callers check `linkRefusal` first: a scenario it refuses is never encoded. */
export function encodeShareFragment(payload: SharePayload): string {
  const doc = { s: payload.scenario, v: payload.view };
  return `s=${LINK_VERSION}.${lzString.compressToEncodedURIComponent(JSON.stringify(doc))}`;
}

/** The full share URL: `base` without its own fragment, then `#` and the encoded payload. */
export function shareUrl(base: string, payload: SharePayload): string {
  const hash = base.indexOf('#');
  return `${hash >= 0 ? base.slice(0, hash) : base}#${encodeShareFragment(payload)}`;
}

/** The fragment of a URL (or the fragment itself, with or without `#`). */
export function fragmentOf(urlOrFragment: string): string {
  const hash = urlOrFragment.indexOf('#');
  return hash >= 0 ? urlOrFragment.slice(hash + 1) : urlOrFragment;
}

function validView(value: unknown, warnings: string[]): ViewState {
  if (value === undefined) return { ...DEFAULT_VIEW };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    warnings.push('the link’s view settings were not readable and were reset');
    return { ...DEFAULT_VIEW };
  }
  const view = { ...DEFAULT_VIEW };
  const raw = value as Record<string, unknown>;
  if (typeof raw.snippetTab === 'string' && (SNIPPET_TABS as readonly string[]).includes(raw.snippetTab)) view.snippetTab = raw.snippetTab as SnippetTab;
  else if (typeof raw.snippetTab === 'string' && Object.hasOwn(LEGACY_TABS, raw.snippetTab)) view.snippetTab = LEGACY_TABS[raw.snippetTab]!;
  else if (raw.snippetTab !== undefined) warnings.push(`unknown snippet tab ${JSON.stringify(String(raw.snippetTab).slice(0, 30))} was replaced by "${DEFAULT_VIEW.snippetTab}"`);
  return view;
}

export function decodeShareFragment(urlOrFragment: string): DecodeResult {
  try {
    return decode(fragmentOf(urlOrFragment));
  } catch {
    // lz-string and JSON.parse can throw on crafted input; every such case is simply a broken link.
    return { ok: false, error: 'the link is corrupted and could not be read' };
  }
}

function decode(fragment: string): DecodeResult {
  const params = fragment.split('&').map((part) => part.split('='));
  const entry = params.find(([key]) => key === 's');
  if (!entry || entry[1] === undefined || entry[1] === '') return { ok: false, error: 'the link holds no scenario (expected #s=…)' };
  const value = entry.slice(1).join('=');
  const dot = value.indexOf('.');
  const versionText = dot >= 0 ? value.slice(0, dot) : '';
  if (!/^\d{1,6}$/.test(versionText)) return { ok: false, error: 'the link has no format version; it may be truncated or edited' };
  const version = Number(versionText);
  if (version > LINK_VERSION) return { ok: false, error: `the link was made by a newer pool-sizer (link format ${version}; this one reads up to ${LINK_VERSION})` };
  if (version < 1) return { ok: false, error: `unknown link format ${version}` };
  const json = lzString.decompressFromEncodedURIComponent(value.slice(dot + 1));
  if (!json) return { ok: false, error: 'the link is truncated or corrupted: its data could not be decompressed' };
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return { ok: false, error: 'the link is truncated or corrupted: its data is not valid JSON' };
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return { ok: false, error: 'the link’s data is not a scenario' };
  let record = doc as Record<string, unknown>;
  for (let v = version; v < LINK_VERSION; v++) {
    const migrate = linkMigrations[v];
    if (!migrate) return { ok: false, error: `no migration from link format ${v}` };
    record = migrate(record);
  }
  const parsed = parseScenario(record.s);
  if (!parsed.ok) return { ok: false, error: `the link’s scenario is invalid: ${formatErrors(parsed.errors)}` };
  const warnings: string[] = [];
  const view = validView(record.v, warnings);
  return { ok: true, payload: { scenario: parsed.scenario, view }, warnings };
}
