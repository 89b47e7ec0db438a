import express, { type Router } from 'express';
import { formattedError, type DomainError, type GraphQLRequestText } from '@communes/kit';
import type { NetworkExecutor, ExecuteContext } from '../executor/executor';

/**
 * The executor's second face: each subgraph name served over HTTP as an ordinary subgraph
 * (`/network/<subgraph>/graphql`), so a stock gateway (Hive Gateway, Apollo Router) can
 * federate the whole network.
 */
export function networkRoutes(
  executor: NetworkExecutor,
  contextFor: (req: express.Request) => Promise<ExecuteContext>,
  /** The query limits' refusal of a request, before any commune is called. */
  refuse: (subgraph: string, request: GraphQLRequestText) => DomainError | undefined = () =>
    undefined,
): Router {
  const router = express.Router();
  // The body is parsed by the shell's body limit; a refused token goes to its error mapping (401).
  router.post('/network/:subgraph/graphql', async (req, res, next) => {
    try {
      const subgraph = String(req.params['subgraph']);
      if (!executor.subgraphNames().includes(subgraph)) {
        res.status(404).json({
          errors: [formattedError('NOT_FOUND', `no network subgraph named ${subgraph}`)],
        });
        return;
      }
      const body = req.body as { query?: unknown; variables?: unknown; operationName?: unknown };
      if (typeof body?.query !== 'string') {
        res.status(400).json({
          errors: [formattedError('BAD_REQUEST', 'body must be a GraphQL request with a query')],
        });
        return;
      }
      const request = {
        query: body.query,
        variables: (body.variables as Record<string, unknown> | null) ?? null,
        operationName: typeof body.operationName === 'string' ? body.operationName : null,
      };
      const refused = refuse(subgraph, request);
      if (refused) throw refused;
      const result = await executor.execute(subgraph, request, await contextFor(req));
      res.json(result);
    } catch (error: unknown) {
      next(error);
    }
  });
  return router;
}
