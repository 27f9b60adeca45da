export * from './target.ts';
export * from './probe.ts';
