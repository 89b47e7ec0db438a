import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Express } from 'express';
import type { GraphQLError, GraphQLFormattedError, ValidationRule } from 'graphql';
import type { Logger } from './logger';

/** What the shell hands every plugin hook. */
export interface PluginContext {
  logger: Logger;
}

/**
 * Cross-cutting behaviour for a hub or a node (limits, metrics, tracing, logs), attached by the
 * shell in one place (`startServer`). A plugin fills in only the hooks it needs; it may be both
 * Express middleware and an Apollo plugin. The first plugin in the list is the outermost: its
 * middleware runs first and its after-route handlers last.
 */
export interface ServerPlugin {
  /** Short and unique: `body-limit`, `metrics`. */
  readonly name: string;
  /** Mounts middleware that runs before every route (plain routes and GraphQL alike). */
  express?(app: Express, context: PluginContext): void;
  /** Mounts what runs after every route: error handlers, not-found answers. */
  expressAfterRoutes?(app: Express, context: PluginContext): void;
  /** Added to every Apollo server of the process; Apollo's `logger` there is the shell's. */
  apollo?: ApolloServerPlugin<BaseContext>;
  /** GraphQL validation rules run on every document, after the specification's own. */
  validationRules?: readonly ValidationRule[];
  /** Shapes each GraphQL error an Apollo server sends, after the plugins before it. */
  formatError?(
    formatted: GraphQLFormattedError,
    error: unknown,
    context: PluginContext,
  ): GraphQLFormattedError;
  /**
   * Maps an error thrown while a request's context was built (a refused token) to the GraphQL
   * error sent, with its HTTP status in `extensions.http`; undefined leaves it to the next plugin.
   */
  contextError?(error: unknown): GraphQLError | undefined;
}
