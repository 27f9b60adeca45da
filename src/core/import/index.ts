/** Importing traffic (OTLP/JSON traces, HAR 1.2, CSV and JSON-lines request logs): replay or fit it. */
export * from './types.ts';
export { ImportError, IMPORT_LIMITS } from './errors.ts';
export { detectFormat } from './detect.ts';
export { parseMappingText, guessMapping, type ColumnMapping, type Unit } from './columns.ts';
export { readOtlp } from './otlp.ts';
export { readHar } from './har.ts';
export { readCsv, readJsonLines } from './table.ts';
export { selectCalls, PROVIDER_HOSTS, type Selection, type OriginSeen } from './select.ts';
export { importTraffic, type ImportOptions, type ImportSummary, type ImportedTraffic, type ImportedClass } from './importTraffic.ts';
export { fitArrival, type ArrivalFit, type FittedArrival } from './fitArrival.ts';
export { fitDurations, type DurationFit } from './fitDurations.ts';
export { fitTraffic, toScenario, type TrafficFit } from './toScenario.ts';
export type { ClassSummary, Histogram, RateOverTime } from './summary.ts';
