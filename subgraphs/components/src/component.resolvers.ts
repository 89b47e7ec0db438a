import type { Resolvers } from './generated/graphql';
import { getComponent, listComponents, publishComponent } from './component.service';
import { descriptionIn } from './descriptions';
import {
  developmentStatusToGraphql,
  maintenanceTypeToGraphql,
  softwareTypeToGraphql,
} from './enums';
import { loaders } from './loaders';

/** Thin: arguments in, service call, shape out. */
export const componentResolvers: Resolvers = {
  Query: {
    components: (_root, args, ctx) => listComponents(ctx, args),
    component: (_root, { communeCode, id }, ctx) => getComponent(ctx, communeCode, id),
  },
  Mutation: {
    publishComponent: (_root, { commune, publiccodeYml }, ctx) =>
      publishComponent(ctx, commune, publiccodeYml),
  },
  Component: {
    __resolveReference: (reference, ctx) => getComponent(ctx, reference.communeCode, reference.id),
    communeCode: (_component, _args, ctx) => ctx.commune.code,
    commune: (_component, _args, ctx) => ({ code: ctx.commune.code }),
    developmentStatus: (component) => developmentStatusToGraphql(component.developmentStatus),
    softwareType: (component) => softwareTypeToGraphql(component.softwareType),
    description: (component, { language }) => descriptionIn(component.descriptions, language),
    maintenance: (component) => ({
      ...component.maintenance,
      type: maintenanceTypeToGraphql(component.maintenance.type),
    }),
    publiccodeYml: (component) => component.source,
    releases: (component, _args, ctx) => loaders(ctx).releases.load(component.id),
    publishedAt: (component) => component.publishedAt.toISOString(),
    updatedAt: (component) => component.updatedAt.toISOString(),
  },
  ComponentRelease: {
    developmentStatus: (release) => developmentStatusToGraphql(release.developmentStatus),
    publiccodeYml: (release) => release.source,
    publishedAt: (release) => release.publishedAt.toISOString(),
  },
};
