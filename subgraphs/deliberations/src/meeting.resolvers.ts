import type { Resolvers } from './generated/graphql';
import { loaders } from './loaders';
import { createMeeting, getMeeting, listMeetings, transitionMeeting } from './meeting.service';

/** Thin: arguments in, service call, shape out. The logic lives in meeting.service.ts. */
export const meetingResolvers: Resolvers = {
  Query: {
    meetings: (_root, args, ctx) => listMeetings(ctx, args),
    meeting: (_root, { communeCode, id }, ctx) => getMeeting(ctx, communeCode, id),
  },
  Mutation: {
    createMeeting: (_root, { commune, input }, ctx) => createMeeting(ctx, commune, input),
    transitionMeeting: (_root, { commune, id, to }, ctx) => transitionMeeting(ctx, commune, id, to),
  },
  Meeting: {
    __resolveReference: (reference, ctx) => getMeeting(ctx, reference.communeCode, reference.id),
    communeCode: (_meeting, _args, ctx) => ctx.commune.code,
    organization: async (meeting, _args, ctx) =>
      (await loaders(ctx).organization.load(meeting.organizationId))!,
    items: (meeting, _args, ctx) => loaders(ctx).meetingItems.load(meeting.id),
    startsAt: (meeting) => meeting.startsAt.toISOString(),
    endsAt: (meeting) => meeting.endsAt?.toISOString() ?? null,
    createdAt: (meeting) => meeting.createdAt.toISOString(),
    updatedAt: (meeting) => meeting.updatedAt.toISOString(),
  },
};
