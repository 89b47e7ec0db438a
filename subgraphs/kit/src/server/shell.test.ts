import { startServer } from './shell';
import { silentLogger } from './logger';
import { startTestShell, postJson } from './test-server';

/** A route that holds its answer until released, and says when it has started. */
function heldRoute() {
  let release!: () => void;
  let started!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const reached = new Promise<void>((resolve) => (started = resolve));
  return {
    release,
    reached,
    handler: async (_req: unknown, res: { json(body: unknown): void }) => {
      started();
      await released;
      res.json({ done: true });
    },
  };
}

describe('startServer', () => {
  it('listens on a free port and serves GraphQL, without advertising Express', async () => {
    const server = await startTestShell();
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
      const answer = await postJson(`${server.url}/graphql`, { query: '{ hello }' });
      expect(answer.body).toEqual({ data: { hello: 'hello world' } });
      expect(answer.headers.get('x-powered-by')).toBeNull();
    } finally {
      await server.close();
    }
  });

  it('lets a request in flight finish when closed, and takes no new one', async () => {
    const held = heldRoute();
    const server = await startTestShell({ routes: (app) => app.get('/held', held.handler) });
    const inFlight = fetch(`${server.url}/held`);
    await held.reached;
    const closed = server.close();
    await new Promise((resolve) => setImmediate(resolve));
    expect(server.server.listening).toBe(false);
    await expect(fetch(`${server.url}/graphql`)).rejects.toThrow();
    held.release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    await closed;
  });

  it('cuts a request that outlives the grace period', async () => {
    const held = heldRoute();
    const server = await startTestShell({
      drainMs: 50,
      routes: (app) => app.get('/held', held.handler),
    });
    const inFlight = fetch(`${server.url}/held`);
    await held.reached;
    await server.close();
    await expect(inFlight).rejects.toThrow();
    held.release();
  });

  it('runs close hooks after the requests, the latest registered first, even when one fails', async () => {
    const order: string[] = [];
    const server = await startServer({ logger: silentLogger }, async ({ onClose }) => {
      onClose(() => void order.push('database'));
      onClose(() => {
        order.push('registry');
        throw new Error('registry would not stop');
      });
      return {};
    });
    await expect(server.close()).rejects.toThrow('registry would not stop');
    expect(order).toEqual(['registry', 'database']);
    // Closing again answers the same outcome without running anything twice.
    await expect(server.close()).rejects.toThrow('registry would not stop');
    expect(order).toHaveLength(2);
  });

  it('closes what was opened when starting fails', async () => {
    const closed: string[] = [];
    await expect(
      startServer({ logger: silentLogger }, async ({ onClose }) => {
        onClose(() => void closed.push('database'));
        throw new Error('migration failed');
      }),
    ).rejects.toThrow('migration failed');
    expect(closed).toEqual(['database']);
  });

  it('fails to start on a port already taken, and releases everything', async () => {
    const first = await startTestShell();
    const port = Number(new URL(first.url).port);
    const closed: string[] = [];
    try {
      await expect(
        startServer({ logger: silentLogger, port }, async ({ onClose }) => {
          onClose(() => void closed.push('database'));
          return {};
        }),
      ).rejects.toThrow(/EADDRINUSE/);
      expect(closed).toEqual(['database']);
    } finally {
      await first.close();
    }
    expect(first.server.listening).toBe(false);
  });
});
