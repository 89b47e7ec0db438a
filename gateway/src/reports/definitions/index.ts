import type { ReportDefinition } from '../definition';
import { adoptionMatrix } from './adoption-matrix';
import { adoptionsOverTime } from './adoptions-over-time';
import { businessChanges } from './business-changes';
import { businessesBySector } from './businesses-by-sector';
import { decisionsByTopic } from './decisions-by-topic';
import { networkHealth } from './network-health';
import { publicationDelay } from './publication-delay';
import { votes } from './votes';

/** Every report the hub runs and serves, in id order. Adding one: its file, a line here, a test. */
export const REPORT_DEFINITIONS: readonly ReportDefinition[] = [
  adoptionMatrix,
  adoptionsOverTime,
  businessChanges,
  businessesBySector,
  decisionsByTopic,
  networkHealth,
  publicationDelay,
  votes,
].sort((a: ReportDefinition, b: ReportDefinition) => a.id.localeCompare(b.id));
