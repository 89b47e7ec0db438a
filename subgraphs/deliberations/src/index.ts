import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { contractTypeDefs } from '@communes/schema';
import type { RequestContext, SubgraphModule } from '@communes/kit';
import { Attachment } from './attachment.entity';
import { Category } from './category.entity';
import { Item } from './item.entity';
import { ItemTransition } from './item-transition.entity';
import { Meeting } from './meeting.entity';
import { Membership } from './membership.entity';
import { Organization } from './organization.entity';
import { Person } from './person.entity';
import { Vote } from './vote.entity';
import { Voter } from './voter.entity';
import { resolvers } from './resolvers';
import { createExportRouter } from './export';
import { CreateDeliberations1733000000000 } from './migrations/1733000000000-CreateDeliberations';
import { ItemPublishedAt1764400000000 } from './migrations/1764400000000-ItemPublishedAt';

/** The deliberations subgraph: the commune's bodies, their meetings, agenda items and decisions. */
export const deliberations: SubgraphModule = {
  name: 'deliberations',
  typeDefs: contractTypeDefs('deliberations'),
  resolvers: resolvers as GraphQLResolverMap<RequestContext>,
  database: {
    entities: [
      Organization,
      Person,
      Membership,
      Category,
      Meeting,
      Item,
      ItemTransition,
      Vote,
      Voter,
      Attachment,
    ],
    migrations: [CreateDeliberations1733000000000, ItemPublishedAt1764400000000],
  },
  // The SCDL export, `/deliberations/export/scdl.csv`; it checks the commune's identifiers at start.
  routes: ({ db, commune, logger }) =>
    createExportRouter({
      db,
      commune,
      logger,
      ...(commune.siret ? { siret: commune.siret } : {}),
      ...(commune.enterpriseNumber ? { enterpriseNumber: commune.enterpriseNumber } : {}),
    }),
};

export { Attachment, Category, Item, ItemTransition, Meeting, Membership, Organization, Person };
export { Vote, Voter };
export type { ItemState } from './item.entity';
export type { MeetingState } from './meeting.entity';
export type { OrganizationKind } from './organization.entity';
export type { PollType } from './vote.entity';
export type { VoteValue } from './voter.entity';
export * from './actes';
export {
  ensureOrganizations,
  type EnsuredOrganization,
  type MemberSpec,
  type OrganizationSpec,
} from './organization.service';
export { setCategory } from './category.service';
export { createMeeting, transitionMeeting } from './meeting.service';
export { addAttachment, createItem, updateItem } from './item.service';
export { decideItem, presentItem, stepItem, type DecideArgs } from './item-workflow.service';
export { DECISIONS, isDecided, type Decision } from './item-transitions';
export {
  PERSONAL_DATA_PLACEHOLDER,
  decisionFor,
  maskPersonalData,
  unmarkPersonalData,
} from './personal-data';
export { PUBLIC_MEETING_STATES, isMeetingPublic } from './visibility';
export { timeZoneOf, localDate } from './time-zone';
export * from './export';
export { seedDeliberations, generateDeliberations } from './seed';
