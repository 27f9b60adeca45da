/**
 * The column mapping of a request log (CSV header or JSON-lines keys): which column holds the start
 * time, the duration (or an end time), the model, the stream flag, a user or session id, and the
 * URL. Guessed from the names; every guess can be overridden, and the guess is reported so the user
 * can confirm it.
 */
import { ImportError } from './errors.ts';

export type Unit = 's' | 'ms' | 'us' | 'ns';
export const UNITS: readonly Unit[] = ['s', 'ms', 'us', 'ns'];

export interface ColumnMapping {
  timestamp?: string;
  /** Used when there is no duration column. */
  end?: string;
  duration?: string;
  durationUnit?: Unit;
  model?: string;
  streaming?: string;
  user?: string;
  url?: string;
  path?: string;
  host?: string;
  status?: string;
}

export const MAPPING_KEYS = ['timestamp', 'end', 'duration', 'durationUnit', 'model', 'streaming', 'user', 'url', 'path', 'host', 'status'] as const;

const CANDIDATES: Record<Exclude<keyof ColumnMapping, 'durationUnit'>, string[]> = {
  timestamp: ['timestamp', 'ts', 'time', 'start', 'starttime', 'startedat', 'startedatetime', 'startts', 'requesttime', 'requestedat', 'createdat', 'datetime', 'date', 'start_s', 'startsec', 'startms'],
  end: ['end', 'endtime', 'endedat', 'finishedat', 'completedat', 'endts'],
  duration: ['duration', 'durationms', 'durations', 'durationsec', 'durationseconds', 'latency', 'latencyms', 'latencys', 'latencysec', 'elapsed', 'elapsedms', 'elapseds', 'responsetime', 'responsetimems', 'timetaken', 'timems', 'totaltime', 'totaltimems'],
  model: ['model', 'modelname', 'modelid', 'genairequestmodel'],
  streaming: ['stream', 'streaming', 'streamed', 'isstream', 'isstreaming'],
  user: ['user', 'userid', 'session', 'sessionid', 'clientid', 'customerid', 'tenant', 'tenantid', 'enduser'],
  url: ['url', 'requesturl', 'fullurl', 'urlfull', 'uri'],
  path: ['path', 'route', 'endpoint', 'urlpath'],
  host: ['host', 'origin', 'serveraddress', 'hostname'],
  status: ['status', 'statuscode', 'httpstatus', 'responsestatus', 'httpresponsestatuscode'],
};

function normalise(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The unit a column's name states (`latency_ms`, `duration_s`, `elapsed_seconds`). */
export function unitFromName(name: string): Unit | undefined {
  const n = name.toLowerCase();
  if (/(^|[^a-z])(ms|millis|milliseconds)$/.test(n) || /ms$/.test(normalise(n))) return 'ms';
  if (/(^|[^a-z])(us|micros|microseconds)$/.test(n)) return 'us';
  if (/(^|[^a-z])(ns|nanos|nanoseconds)$/.test(n)) return 'ns';
  if (/(^|[^a-z])(s|sec|secs|seconds)$/.test(n)) return 's';
  return undefined;
}

export function guessMapping(names: readonly string[], given: ColumnMapping = {}): ColumnMapping {
  const mapping: ColumnMapping = {};
  const byNorm = new Map(names.map((n) => [normalise(n), n] as const));
  for (const key of Object.keys(CANDIDATES) as (keyof typeof CANDIDATES)[]) {
    const chosen = given[key];
    if (chosen !== undefined) {
      if (!names.includes(chosen)) throw new ImportError('', `column "${chosen.slice(0, 60)}" (for ${key}) is not in the file (columns: ${names.slice(0, 20).join(', ').slice(0, 300)})`);
      mapping[key] = chosen;
      continue;
    }
    const found = CANDIDATES[key].map((c) => byNorm.get(c)).find((n) => n !== undefined);
    if (found !== undefined && !Object.values(mapping).includes(found)) mapping[key] = found;
  }
  if (given.durationUnit) mapping.durationUnit = given.durationUnit;
  if (mapping.timestamp === undefined) throw new ImportError('', `no start-time column (name one with timestamp=COLUMN; columns: ${names.slice(0, 20).join(', ').slice(0, 300)})`);
  if (mapping.duration === undefined && mapping.end === undefined) {
    throw new ImportError('', `no duration or end-time column (name one with duration=COLUMN; columns: ${names.slice(0, 20).join(', ').slice(0, 300)})`);
  }
  return mapping;
}

/** Parses `timestamp=ts,duration=latency_ms,durationUnit=ms` (the CLI's --map). */
export function parseMappingText(text: string): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim() as (typeof MAPPING_KEYS)[number];
    const value = part.slice(eq + 1).trim();
    if (eq < 0 || !MAPPING_KEYS.includes(key) || !value) throw new ImportError('--map', `expected KEY=COLUMN pairs with keys ${MAPPING_KEYS.join(', ')} (got "${part.slice(0, 40)}")`);
    if (key === 'durationUnit') {
      if (!UNITS.includes(value as Unit)) throw new ImportError('--map', `durationUnit must be ${UNITS.join(', ')}`);
      mapping.durationUnit = value as Unit;
    } else mapping[key] = value;
  }
  return mapping;
}
