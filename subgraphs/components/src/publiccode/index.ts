export { validatePubliccode, keyPath, type Publiccode, type Validated } from './validate';
export type {
  PubliccodeDependency,
  PubliccodeDescription,
  PubliccodeMaintenance,
} from './validate';
export { MAX_FILE_BYTES, FILE_FIELD } from './read-yaml';
export {
  languageTagProblem,
  canonicalTag,
  spdxLicenseIds,
  isSpdxLicenseId,
  isHttpUrl,
  isRepositoryUrl,
} from './checks';
export * from './vocabulary';
