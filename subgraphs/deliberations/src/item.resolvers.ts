import type { Resolvers } from './generated/graphql';
import { isStaff } from './access';
import { countDecisions, decisionStatistics } from './decision-counts.service';
import { countItemsByMonth, countItemsByTopic } from './item-counts.service';
import { addAttachment, createItem, getItem, listItems, updateItem } from './item.service';
import { decideItem, presentItem, stepItem } from './item-workflow.service';
import { loaders } from './loaders';
import { decisionFor } from './personal-data';
import { topicFor } from './topic';

/** Thin: arguments in, service call, shape out. The logic lives in the item services. */
export const itemResolvers: Resolvers = {
  Query: {
    items: (_root, args, ctx) => listItems(ctx, args),
    item: (_root, { communeCode, id }, ctx) => getItem(ctx, communeCode, id),
    itemCountsByTopic: (_root, { communes, filter }, ctx) =>
      countItemsByTopic(ctx, communes, filter),
    itemCountsByMonth: (_root, { communes, filter }, ctx) =>
      countItemsByMonth(ctx, communes, filter),
    decisionCounts: (_root, { communes, filter }, ctx) => countDecisions(ctx, communes, filter),
    decisionStatistics: (_root, { communes, filter }, ctx) =>
      decisionStatistics(ctx, communes, filter),
  },
  Mutation: {
    createItem: (_root, { commune, input }, ctx) => createItem(ctx, commune, input),
    updateItem: (_root, { commune, id, input }, ctx) => updateItem(ctx, commune, id, input),
    proposeItem: (_root, { commune, id, comment }, ctx) =>
      stepItem(ctx, commune, id, 'propose', comment),
    validateItem: (_root, { commune, id, comment }, ctx) =>
      stepItem(ctx, commune, id, 'validate', comment),
    presentItem: (_root, { commune, id, meeting }, ctx) => presentItem(ctx, commune, id, meeting),
    freezeItem: (_root, { commune, id }, ctx) => stepItem(ctx, commune, id, 'freeze'),
    decideItem: (_root, { commune, id, decision, votes, decisionText }, ctx) =>
      decideItem(ctx, commune, id, { decision, votes, decisionText }),
    addAttachment: (_root, { commune, item, input }, ctx) =>
      addAttachment(ctx, commune, item, input),
  },
  Item: {
    __resolveReference: (reference, ctx) => getItem(ctx, reference.communeCode, reference.id),
    communeCode: (_item, _args, ctx) => ctx.commune.code,
    meeting: (item, _args, ctx) =>
      item.meetingId ? loaders(ctx).meeting.load(item.meetingId) : null,
    decision: (item, _args, ctx) => decisionFor(item.decision, isStaff(ctx)),
    category: (item, _args, ctx) => loaders(ctx).category.load(item.categoryCode),
    topic: (item) => topicFor(item.topicCode),
    decidedAt: (item) => item.decidedAt?.toISOString() ?? null,
    publishedAt: (item) => item.publishedAt?.toISOString() ?? null,
    votes: (item, _args, ctx) => loaders(ctx).vote.load(item.id),
    attachments: (item, _args, ctx) => loaders(ctx).attachments.load(item.id),
    // The workflow names staff and carries their notes: internal to the commune.
    history: (item, _args, ctx) => (isStaff(ctx) ? loaders(ctx).history.load(item.id) : []),
    createdAt: (item) => item.createdAt.toISOString(),
    updatedAt: (item) => item.updatedAt.toISOString(),
  },
  ItemTransition: {
    from: (transition) => transition.fromState,
    to: (transition) => transition.toState,
    by: (transition) => transition.bySubject,
    at: (transition) => transition.at.toISOString(),
  },
  Votes: {
    voters: (vote, _args, ctx) => loaders(ctx).voters.load(vote.itemId),
  },
  Voter: {
    person: async (voter, _args, ctx) => (await loaders(ctx).person.load(voter.personId))!,
  },
};
