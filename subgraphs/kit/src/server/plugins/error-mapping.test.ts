import { DomainError, badInput } from '../../errors';
import { recordingLogger } from '../logger';
import type { RunningServer } from '../shell';
import { startTestShell, postJson } from '../test-server';

describe('useErrorMapping (always first in the shell)', () => {
  const logger = recordingLogger();
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestShell({
      logger,
      context: async (req) => {
        if (req.header('authorization'))
          throw new DomainError('UNAUTHENTICATED', 'Token refused: signature invalid');
        return {};
      },
      routes: (app) => {
        app.post('/refused', () => {
          throw new DomainError('UNAUTHENTICATED', 'Token refused: expired');
        });
        app.post('/bad', () => {
          throw badInput('from', 'must be a date');
        });
        app.get('/crash', async () => {
          throw new Error('secret detail at /srv/app.ts:12');
        });
      },
    });
  });
  afterAll(() => server.close());

  const graphql = (query: string, headers?: Record<string, string>) =>
    postJson(`${server.url}/graphql`, { query }, headers);

  it('keeps a domain error’s code and message', async () => {
    const { status, body } = await graphql('{ missing }');
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      {
        message: 'Business b-1 does not exist',
        path: ['missing'],
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'NOT_FOUND', id: 'b-1' },
      },
    ]);
  });

  it('hides and logs an unexpected failure, with no stack trace in the answer', async () => {
    const { status, body } = await graphql('{ crash }');
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      {
        message: 'Internal server error',
        path: ['crash'],
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/secret|srv/);
    expect(logger.entries.at(-1)?.['err']).toMatchObject({
      message: expect.stringMatching(/secret/),
    });
  });

  it('refuses the whole GraphQL request with 401 when its context refuses the token', async () => {
    const { status, body } = await graphql('{ hello }', { authorization: 'Bearer forged' });
    expect(status).toBe(401);
    expect(body).toEqual({
      errors: [
        { message: 'Token refused: signature invalid', extensions: { code: 'UNAUTHENTICATED' } },
      ],
    });
  });

  it('answers a plain route’s domain error with its status and code', async () => {
    expect(await postJson(`${server.url}/refused`, {})).toMatchObject({
      status: 401,
      body: {
        errors: [{ message: 'Token refused: expired', extensions: { code: 'UNAUTHENTICATED' } }],
      },
    });
    expect(await postJson(`${server.url}/bad`, {})).toMatchObject({
      status: 400,
      body: { errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'from' } }] },
    });
  });

  it('answers a plain route’s crash with 500 as JSON, the detail in the log only', async () => {
    const logged = logger.entries.length;
    const response = await fetch(`${server.url}/crash`);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
    expect(text).not.toMatch(/secret|srv|at /);
    expect(logger.entries.length).toBe(logged + 1);
  });

  it('answers a body that is not JSON with 400 BAD_REQUEST as JSON, not an HTML page', async () => {
    const { status, body } = await postJson(`${server.url}/graphql`, '{"query": ');
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_REQUEST' });
  });
});
