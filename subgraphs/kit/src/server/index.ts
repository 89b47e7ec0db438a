export * from './config';
export * from './logger';
export * from './plugin';
export * from './shell';
export * from './run-process';
export type { GraphQLServerConfig } from './graphql-server';
export * from './plugins/body-limit';
export * from './plugins/error-mapping';
