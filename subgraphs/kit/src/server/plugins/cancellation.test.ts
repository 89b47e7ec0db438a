import { GraphQLList, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { recordingLogger } from '../logger';
import { startServer, type RunningServer } from '../shell';
import { useBodyLimit } from './body-limit';
import { requestSignal, useCancellation } from './cancellation';

/** `slow` waits until the test lets it go; each `row.name` counts as one more query run. */
function fixture() {
  let arrived!: (signal: AbortSignal) => void;
  const arrival = new Promise<AbortSignal>((resolve) => (arrived = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const state = { namesRead: 0 };
  const row = new GraphQLObjectType({
    name: 'Row',
    fields: {
      name: {
        type: GraphQLString,
        resolve: () => {
          state.namesRead += 1;
          return 'x';
        },
      },
    },
  });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        slow: {
          type: new GraphQLList(row),
          resolve: async (_s, _a, context: { signal: AbortSignal }) => {
            arrived(context.signal);
            await released;
            return [{}, {}, {}];
          },
        },
      },
    }),
  });
  return { schema, arrival, release, state };
}

describe('useCancellation', () => {
  const logger = recordingLogger();
  const { schema, arrival, release, state } = fixture();
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(
      { logger, plugins: [useBodyLimit(), useCancellation()] },
      async ({ graphql }) => {
        await graphql('/graphql', { schema }, async (req) => ({ signal: requestSignal(req) }));
        return {};
      },
    );
  });
  afterAll(() => server.close());

  it('aborts the request signal when the client leaves, and resolves no further field', async () => {
    const client = new AbortController();
    const answer = fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ slow { name } }' }),
      signal: client.signal,
    }).catch(() => 'abandoned');
    const signal = await arrival;
    expect(signal.aborted).toBe(false);
    const aborted = new Promise((resolve) => signal.addEventListener('abort', resolve));
    client.abort();
    expect(await answer).toBe('abandoned');
    await aborted;
    expect(signal.reason).toMatchObject({ code: 'REQUEST_CANCELLED' });
    const logged = waitForLog(logger.entries, /cancelled: its client left/);
    release();
    await logged;
    expect(state.namesRead).toBe(0);
  });

  it('leaves the signal of an answered request alone', async () => {
    const captured: AbortSignal[] = [];
    const other = await startServer(
      { logger, plugins: [useBodyLimit(), useCancellation()] },
      async ({ app }) => {
        app.get('/ping', (req, res) => {
          captured.push(requestSignal(req));
          res.json({ ok: true });
        });
        return {};
      },
    );
    try {
      expect((await fetch(`${other.url}/ping`)).status).toBe(200);
      expect(captured[0]!.aborted).toBe(false);
    } finally {
      await other.close();
    }
  });
});

/** Resolves once a matching line is logged (the server logs when the request ends). */
async function waitForLog(entries: { msg?: string }[], pattern: RegExp): Promise<void> {
  while (!entries.some((e) => pattern.test(e.msg ?? '')))
    await new Promise((resolve) => setImmediate(resolve));
}
