import type { Resolvers } from './generated/graphql';
import { listCategories, setCategory } from './category.service';
import { loaders } from './loaders';
import { getOrganization, getPerson, listOrganizations } from './organization.service';
import { topicFor } from './topic';

/** Organizations, their members, and the commune's categories: reference data. */
export const organizationResolvers: Resolvers = {
  Query: {
    organizations: (_root, { communes }, ctx) => listOrganizations(ctx, communes),
    categories: (_root, { communes }, ctx) => listCategories(ctx, communes),
  },
  Mutation: {
    setCategory: (_root, { commune, input }, ctx) => setCategory(ctx, commune, input),
  },
  Organization: {
    __resolveReference: (reference, ctx) =>
      getOrganization(ctx, reference.communeCode, reference.id),
    communeCode: (_organization, _args, ctx) => ctx.commune.code,
    members: (organization, _args, ctx) =>
      loaders(ctx).membershipsOfOrganization.load(organization.id),
  },
  Person: {
    __resolveReference: (reference, ctx) => getPerson(ctx, reference.communeCode, reference.id),
    communeCode: (_person, _args, ctx) => ctx.commune.code,
    memberships: (person, _args, ctx) => loaders(ctx).membershipsOfPerson.load(person.id),
  },
  Membership: {
    person: async (membership, _args, ctx) =>
      (await loaders(ctx).person.load(membership.personId))!,
    organization: async (membership, _args, ctx) =>
      (await loaders(ctx).organization.load(membership.organizationId))!,
  },
  Category: {
    communeCode: (_category, _args, ctx) => ctx.commune.code,
    topic: (category) => topicFor(category.topicCode),
  },
};
