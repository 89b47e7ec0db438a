export { ACTES_NOMENCLATURE, type ActesMatter } from './actes-nomenclature';
export {
  TOPIC_CODE_PATTERN,
  allTopics,
  matterOf,
  scdlMatterName,
  topicFilterOf,
  topicOf,
  type Topic,
} from './topics';
