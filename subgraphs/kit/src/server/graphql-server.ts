import {
  ApolloServer,
  type ApolloServerOptionsWithGateway,
  type ApolloServerOptionsWithSchema,
  type ApolloServerPlugin,
  type BaseContext,
} from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError } from 'graphql';
import type { PluginContext, ServerPlugin } from './plugin';

/** One GraphQL endpoint: a schema, or a gateway over subgraphs, with its own Apollo plugins. */
export type GraphQLServerConfig<C extends BaseContext> = (
  | Pick<ApolloServerOptionsWithSchema<C>, 'schema'>
  | Pick<ApolloServerOptionsWithGateway<C>, 'gateway'>
) & { plugins?: ApolloServerPlugin<C>[] };

/** An Apollo server with every server plugin's hooks, and no stack trace in any response. */
export function createGraphQLServer<C extends BaseContext>(
  config: GraphQLServerConfig<C>,
  plugins: readonly ServerPlugin[],
  context: PluginContext,
): ApolloServer<C> {
  const common = {
    logger: context.logger,
    plugins: [
      // Inline traces are for Apollo's hosted reporting, which the network does not use.
      ApolloServerPluginInlineTraceDisabled(),
      ...plugins.flatMap((p) => (p.apollo ? [p.apollo] : [])),
      ...(config.plugins ?? []),
    ],
    formatError: (formatted: GraphQLFormattedError, error: unknown) =>
      plugins.reduce(
        (shaped, p) => (p.formatError ? p.formatError(shaped, error, context) : shaped),
        formatted,
      ),
    includeStacktraceInErrorResponses: false,
    // The process's entry point drains and stops everything on SIGTERM, not each server alone.
    stopOnTerminationSignals: false,
    validationRules: plugins.flatMap((p) => p.validationRules ?? []),
  };
  return 'gateway' in config
    ? new ApolloServer<C>({ ...common, gateway: config.gateway })
    : new ApolloServer<C>({ ...common, schema: config.schema });
}

/** The error a failed context becomes: the first plugin that knows it decides. */
export function contextErrorOf(plugins: readonly ServerPlugin[], error: unknown): unknown {
  for (const plugin of plugins) {
    const mapped = plugin.contextError?.(error);
    if (mapped) return mapped;
  }
  return error;
}
