export * from './nace';
export { NACE_2008 } from './nace-2008';
export { NACE_2025 } from './nace-2025';
