import { scdlMatterName } from '../actes';
import { maskPersonalData } from '../personal-data';
import type { ScdlCollectivity } from './collectivity';
import type { DecidedItemRow } from './decided-items';
import type { ScdlRecord } from './scdl-fields';

export interface ScdlRecordContext {
  collectivity: ScdlCollectivity & { siret: string };
  /** DELIB_URL of an item with no PDF attached, `{id}` replaced by its id. */
  itemUrlTemplate: string | undefined;
}

/** One decided item as a line of SCDL « Délibérations »; personal data masked. */
export function toScdlRecord(item: DecidedItemRow, context: ScdlRecordContext): ScdlRecord {
  const { collectivity } = context;
  return {
    COLL_NOM: collectivity.name,
    COLL_SIRET: collectivity.siret,
    // The node's own id: stable, unique, and the key of `item(communeCode, id)` in the API.
    DELIB_ID: item.id,
    DELIB_DATE: item.decidedOn,
    DELIB_MATIERE_CODE: item.topicCode,
    DELIB_MATIERE_NOM: matterName(item.topicCode),
    DELIB_OBJET: maskPersonalData(item.title),
    BUDGET_ANNEE: item.budgetYear && item.budgetName ? item.budgetYear : '',
    BUDGET_NOM: item.budgetYear && item.budgetName ? item.budgetName : '',
    PREF_ID: collectivity.prefectureId,
    // The node does not record when an act reached the legality control.
    PREF_DATE: '',
    ...voteColumns(item),
    DELIB_URL: item.documentUrl ?? context.itemUrlTemplate?.replaceAll('{id}', item.id) ?? '',
  };
}

/**
 * Validators split DELIB_MATIERE_NOM on its first slash and refuse spaces around a slash: a
 * level-2 name with a slash of its own (`1.5 Transactions / protocole…`) loses it.
 */
function matterName(topicCode: string): string {
  const name = scdlMatterName(topicCode);
  if (name === null) return '';
  const cut = name.indexOf('/');
  return `${name.slice(0, cut)}/${name.slice(cut + 1).replace(/\s*\/\s*/g, ' ')}`;
}

type VoteColumns = Pick<
  ScdlRecord,
  'VOTE_EFFECTIF' | 'VOTE_REEL' | 'VOTE_POUR' | 'VOTE_CONTRE' | 'VOTE_ABSTENTION'
>;

const NO_VOTE: VoteColumns = {
  VOTE_EFFECTIF: '',
  VOTE_REEL: '',
  VOTE_POUR: '',
  VOTE_CONTRE: '',
  VOTE_ABSTENTION: '',
};

/**
 * SCDL wants the five counts all filled or all empty, VOTE_REEL equal to the sum of the
 * votes cast (members present who took no part are not « votants réels »), and
 * VOTE_EFFECTIF ≥ VOTE_REEL; without votes or a known membership, all stay empty. A decision
 * by unanimous consent (pollType NONE) counts every member present as for.
 */
function voteColumns(item: DecidedItemRow): VoteColumns {
  if (item.pollType === null) return NO_VOTE;
  const yes = item.yes ?? 0;
  const no = item.no ?? 0;
  const abstain = item.abstain ?? 0;
  const cast = yes + no + abstain;
  if (item.votingMembers === 0 || item.votingMembers < cast) return NO_VOTE;
  return {
    VOTE_EFFECTIF: String(item.votingMembers),
    VOTE_REEL: String(cast),
    VOTE_POUR: String(yes),
    VOTE_CONTRE: String(no),
    VOTE_ABSTENTION: String(abstain),
  };
}
