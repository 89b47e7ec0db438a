import { startTestShell, postJson } from '../test-server';
import type { RunningServer } from '../shell';
import { useBodyLimit } from './body-limit';

describe('useBodyLimit', () => {
  let server: RunningServer;
  const seen: unknown[] = [];

  beforeAll(async () => {
    server = await startTestShell({
      plugins: [useBodyLimit({ maxBytes: 2_000 })],
      routes: (app) =>
        app.post('/echo', (req, res) => {
          seen.push(req.body);
          res.json(req.body);
        }),
    });
  });
  afterAll(() => server.close());

  it('parses JSON bodies within the limit, for GraphQL and plain routes alike', async () => {
    const graphql = await postJson(`${server.url}/graphql`, { query: '{ hello(name: "Namur") }' });
    expect(graphql).toMatchObject({ status: 200, body: { data: { hello: 'hello Namur' } } });
    const echo = await postJson(`${server.url}/echo`, { name: 'x'.repeat(1_500) });
    expect(echo.status).toBe(200);
    expect(echo.body.name).toHaveLength(1_500);
  });

  it('refuses a larger body with 413 before any route runs', async () => {
    const before = seen.length;
    const padding = 'x'.repeat(3_000);
    for (const path of ['/graphql', '/echo']) {
      const response = await postJson(`${server.url}${path}`, {
        query: `{ hello(name: "${padding}") }`,
      });
      expect(response.status).toBe(413);
      expect(response.body).toEqual({
        errors: [{ message: 'request entity too large', extensions: { code: 'BAD_REQUEST' } }],
      });
    }
    expect(seen).toHaveLength(before);
  });
});
