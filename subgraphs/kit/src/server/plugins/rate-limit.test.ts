import type { RunningServer } from '../shell';
import { postJson, startTestShell } from '../test-server';
import { useBodyLimit } from './body-limit';
import { useRateLimit } from './rate-limit';

describe('useRateLimit (in memory)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestShell({
      plugins: [
        useRateLimit({
          points: 2,
          windowSeconds: 30,
          clientOf: (req) => req.header('x-client') ?? `ip:${req.ip}`,
        }),
        useBodyLimit(),
      ],
      routes: (app) => app.get('/health', (_req, res) => res.json({ status: 'ok' })),
    });
  });
  afterAll(() => server.close());
  const hello = (client: string) =>
    postJson(`${server.url}/graphql`, { query: '{ hello }' }, { 'x-client': client });

  it('lets a client send its budget, then answers 429 with when to retry', async () => {
    expect((await hello('anne')).status).toBe(200);
    expect((await hello('anne')).status).toBe(200);
    const refused = await hello('anne');
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect(refused.body).toEqual({
      errors: [
        {
          message: `Too many requests: 2 per 30 s allowed; retry in ${retryAfter} s`,
          extensions: {
            code: 'RATE_LIMITED',
            retryAfterSeconds: retryAfter,
            limit: 2,
            windowSeconds: 30,
          },
        },
      ],
    });
  });

  it('counts each client apart', async () => {
    expect((await hello('bruno')).status).toBe(200);
  });

  it('never limits health checks', async () => {
    for (let i = 0; i < 4; i++) expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});

describe('useRateLimit with 0 points', () => {
  it('limits nothing', async () => {
    const server = await startTestShell({
      plugins: [useRateLimit({ points: 0 }), useBodyLimit()],
    });
    try {
      for (let i = 0; i < 3; i++)
        expect((await postJson(`${server.url}/graphql`, { query: '{ hello }' })).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
