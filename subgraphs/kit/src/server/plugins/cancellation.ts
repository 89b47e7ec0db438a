import type { IncomingMessage } from 'node:http';
import { DomainError } from '../../errors';
import type { ServerPlugin } from '../plugin';

const signals = new WeakMap<IncomingMessage, AbortSignal>();
const NEVER = new AbortController().signal;

/**
 * The signal of a request: aborted when its client goes away before the answer is complete
 * (the hub stopped waiting, a browser tab closed). A context builder puts it in the request's
 * context; without `useCancellation` it never aborts.
 */
export function requestSignal(req: IncomingMessage): AbortSignal {
  return signals.get(req) ?? NEVER;
}

/**
 * Work for a client that left is stopped: every request gets a signal (`requestSignal`), and a
 * GraphQL request whose context carries it (`signal`) resolves no further field once it has
 * aborted, so the queries those fields would run are never sent.
 */
export function useCancellation(): ServerPlugin {
  return {
    name: 'cancellation',
    express: (app) =>
      app.use((req, res, next) => {
        const controller = new AbortController();
        res.once('close', () => {
          if (!res.writableFinished)
            controller.abort(
              new DomainError('REQUEST_CANCELLED', 'The client went away before the answer'),
            );
        });
        signals.set(req, controller.signal);
        next();
      }),
    apollo: {
      async requestDidStart({ contextValue }) {
        const signal = (contextValue as { signal?: unknown }).signal;
        if (!(signal instanceof AbortSignal)) return;
        return {
          async executionDidStart() {
            return {
              willResolveField() {
                signal.throwIfAborted();
              },
            };
          },
          async willSendResponse({ logger, operationName }) {
            if (signal.aborted)
              logger.info(`request ${operationName ?? '(anonymous)'} cancelled: its client left`);
          },
        };
      },
    },
  };
}
