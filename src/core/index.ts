/**
 * The public API of pool-sizer's domain core. Pure TypeScript: no React, DOM, worker or Node
 * imports, so the page, the Web Worker and the CLI all run exactly this code.
 */
export * from './scenario/schema.ts';
export * from './scenario/parse.ts';
export * from './scenario/durations.ts';
export * from './scenario/key.ts';
export * from './scenario/traceValues.ts';
export * from './format.ts';
export * from './formula.ts';
export * from './presets.ts';
export * from './sim/index.ts';
export * from './recommend/index.ts';
export * from './warnings.ts';
export * from './link/index.ts';
export * from './snippets/index.ts';
export * from './clients/index.ts';
export * from './proposals.ts';
export * from './compare.ts';
export * from './verdicts.ts';
export { firstIdleLimit, hopName, middleboxes, serverIdleSec } from './path/path.ts';
export { HOP_FACTS, ON_IDLE, ON_IDLE_WORDS, type HopKind, type OnIdle } from './path/hops.ts';
