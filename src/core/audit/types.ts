/**
 * What the code audit reads and reports. Values are what the code evaluates to without running it:
 * a literal, an environment variable's default (marked as such), a constructed object, or unknown.
 */
import type { SourceRef } from '../clients/types.ts';

/** A value read from an environment variable: the figure is the code's fallback, not what production sets. */
export interface EnvUse {
  variable: string;
}

export type Value =
  | { k: 'num'; v: number; env?: EnvUse }
  | { k: 'str'; v: string; env?: EnvUse }
  | { k: 'bool'; v: boolean }
  | { k: 'none' }
  | { k: 'dict'; kw: Map<string, Value> }
  | { k: 'obj'; obj: ObjectSite }
  | { k: 'unknown'; why: string };

/** Where a constructor call sits, and what the surrounding code does with its result. */
export interface SiteContext {
  /** The function it is built in, when that function runs per request or per call (null: built once). */
  perCall: { fn: string; handler: boolean } | null;
  /** The name or attribute the object is bound to (null when it is not bound). */
  bound: string | null;
  /** Built as a context manager (`with` / `async with`): closed when the block ends. */
  managed: boolean;
}

export interface ObjectSite {
  /** The constructor's qualified name after imports are resolved (`httpx.AsyncClient`, `undici.Agent`). */
  ctor: string;
  kw: Map<string, Value>;
  pos: Value[];
  line: number;
  /** Offset of the call in the file: one object reached by two names is one pool. */
  at: number;
  context: SiteContext;
}

/** One file read by a language front end: every constructor call it knows, and the close calls it saw. */
export interface ParsedFile {
  sites: ObjectSite[];
  /** Calls to the global-dispatcher setter (undici's setGlobalDispatcher), with their argument. */
  globalDispatchers: { line: number; value: Value }[];
  /** Names and attributes on which `.close()`, `.aclose()` or `.destroy()` is called. */
  closed: Set<string>;
}

export type PoolField = 'maxConnections' | 'maxKeepalive' | 'keepaliveSec' | 'protocol' | 'poolTimeoutSec' | 'perHost';

/** A number, null where the library sets no cap, or 'unknown' when the code decides it at run time. */
export type Figure = number | null | 'unknown';

export interface AuditPool {
  maxConnections: Figure;
  maxKeepalive: Figure;
  keepaliveSec: Figure;
  protocol: 'h1' | 'h2' | 'unknown';
  poolTimeoutSec: Figure;
  perHost: Figure;
}

export interface AuditClient {
  file: string;
  line: number;
  /** The clients-table id whose pool rules this pool follows. */
  client: string;
  /** What the code builds, in words (`openai.AsyncOpenAI over httpx2.AsyncClient (line 4)`). */
  library: string;
  pools: AuditPool[];
  /** Each field the code leaves to run time, and why. */
  unknown: string[];
  /** Fields whose figure is an environment variable's fallback. */
  fromEnv: { field: PoolField; variable: string }[];
  /** What the library ignores, drops or overrides, each with the line that does it. */
  notes: { text: string; source?: SourceRef }[];
}

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  file: string;
  line: number;
  kind: string;
  severity: Severity;
  message: string;
  fix: string;
  source?: SourceRef;
}

export interface AuditResult {
  clients: AuditClient[];
  findings: Finding[];
}

/** The grammars the audit reads; JavaScript covers TypeScript (the file name picks the dialect). */
export type AuditLanguage = 'python' | 'javascript' | 'go' | 'java';

export interface AuditInput {
  /** Shown in the report; its extension chooses the grammar unless `language` is given. */
  name: string;
  text: string;
  language?: AuditLanguage;
}

/** A reader's names in one scope: what each name is assigned (null: a parameter or an unreadable value) and which names it declares. */
export interface NameScope<Node> {
  values: Map<string, (Node | null)[]>;
  /** Names declared here (variables, parameters): an assignment to any other name reaches outside. */
  declared: Set<string>;
}
