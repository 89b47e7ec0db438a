import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { ExecuteContext, NetworkExecutor } from './executor';

/** What the hub keeps in each client request's context for the executor. */
export interface NetworkRequestContext {
  network?: ExecuteContext;
}

/**
 * The executor's face for `@apollo/gateway`: to the planner, one subgraph; below it, every
 * commune serving that subgraph.
 */
export class NetworkDataSource implements GraphQLDataSource<NetworkRequestContext> {
  constructor(
    private readonly executor: NetworkExecutor,
    private readonly subgraph: string,
  ) {}

  async process(
    options: GraphQLDataSourceProcessOptions<NetworkRequestContext>,
  ): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const network = (options.context as NetworkRequestContext | undefined)?.network ?? {};
    const result = await this.executor.execute(
      this.subgraph,
      {
        query: request.query ?? '',
        variables: request.variables ?? null,
        operationName: request.operationName ?? null,
      },
      network,
    );
    return result as GatewayGraphQLResponse;
  }
}
