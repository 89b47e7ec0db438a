export {
  seedDeliberations,
  type SeedDeliberationsOptions,
  type SeedSummary,
} from './seed-deliberations';
export {
  DEFAULT_LAST_YEAR,
  generateDeliberations,
  type GenerateOptions,
  type SeedDeliberations,
  type SeedItem,
  type SeedMeeting,
} from './generate-deliberations';
export { SEED_CATEGORIES } from './categories';
export type { SeedBody, SeedMember, SeedTerm } from './members';
export type { SeedVotes } from './votes';
