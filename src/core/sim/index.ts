export * from './types.ts';
export { simulate, DEFAULT_MAX_EVENTS } from './engine.ts';
export { SimError, SimAbortedError } from './errors.ts';
export { simResultToJson } from './json.ts';
export { withPool, withRequests, type PoolOverrides } from './overrides.ts';
export { Rng } from './rng.ts';
export { runKey } from './runKey.ts';
