export * from './contract';
export * from './cursor';
