/** The clients table, its families and the languages their snippets are written in. */
export * from './registry.ts';
export * from './types.ts';
export * from './languages.ts';
export { NODE_MAJORS, DEFAULT_NODE_MAJOR, NODE_FETCH, forNode, clientLabel, type NodeMajor, type NodeFetchFacts } from './undici/node.ts';
