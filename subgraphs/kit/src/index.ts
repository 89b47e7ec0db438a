export * from './commune-code';
export * from './context';
export * from './database';
export * from './errors';
export * from './identity';
export * from './pagination';
export * from './subgraph-module';
export * from './text';
