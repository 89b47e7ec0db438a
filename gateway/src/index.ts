export * from './compose';
export * from './executor/executor';
export * from './executor/data-source';
export * from './hub/server';
export * from './hub/config';
export * from './hub/client-auth';
export * from './registry';
export * from './reports';
