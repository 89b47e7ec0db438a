import { loadCommune } from './commune-loader';
import type { Resolvers } from './generated/graphql';
import { healthView, type CircuitOf } from './health-view';
import type { RegistryService } from './registry.service';

/** Thin: arguments in, service call, shape out. The logic lives in registry.service.ts. */
export function registryResolvers(service: RegistryService, circuitOf: CircuitOf): Resolvers {
  return {
    Query: {
      communes: (_root, { filter }) => service.list(filter),
      commune: (_root, { code }) => service.get(code),
    },
    Mutation: {
      registerCommune: (_root, { input }, ctx) => service.register(ctx.identity, input),
      updateCommuneEndpoints: (_root, { code, subgraphs }, ctx) =>
        service.updateEndpoints(ctx.identity, code, subgraphs),
      suspendCommune: (_root, { code, reason }, ctx) => service.suspend(ctx.identity, code, reason),
      reinstateCommune: (_root, { code }, ctx) => service.reinstate(ctx.identity, code),
      removeCommune: (_root, { code }, ctx) => service.remove(ctx.identity, code),
    },
    Commune: {
      __resolveReference: (reference, ctx) =>
        loadCommune(ctx, reference.code, (codes) => service.getMany(codes)),
      names: ({ names }) => ({
        fr: names.fr ?? null,
        nl: names.nl ?? null,
        de: names.de ?? null,
        en: names.en ?? null,
      }),
      subgraphs: ({ subgraphs }) => subgraphs.map(({ name, url }) => ({ name, url })),
      serves: ({ subgraphs }, { subgraph }) => subgraphs.some((s) => s.name === subgraph),
      joinedAt: ({ joinedAt }) => joinedAt.toISOString(),
      health: (commune) => healthView(commune, circuitOf(commune.code)),
    },
  };
}
