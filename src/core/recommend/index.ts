export * from './target.ts';
export * from './probe.ts';
export * from './estimate.ts';
