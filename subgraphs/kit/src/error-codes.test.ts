import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, ErrorCodes, isErrorCode, type ErrorCodeDefinition } from './error-codes';
import { DomainError, WrongCommune, badInput, formatError, formattedError } from './errors';

describe('the error codes registry', () => {
  it.each(ERROR_CODES)(
    '%s has a one-line description, an origin, and a plausible status',
    (code) => {
      const definition: ErrorCodeDefinition = ErrorCodes[code];
      expect(code).toMatch(/^[A-Z][A-Z_]+[A-Z]$/);
      expect(definition.description).toMatch(/^\S.{10,}\S$/);
      expect(definition.description).not.toMatch(/\n|\.$/);
      expect(['node', 'hub', 'both']).toContain(definition.origin);
      if (definition.httpStatus !== undefined) {
        expect(definition.httpStatus).toBeGreaterThanOrEqual(400);
        expect(definition.httpStatus).toBeLessThan(600);
      }
    },
  );

  it('knows its own codes and nothing else', () => {
    expect(isErrorCode('WRONG_COMMUNE')).toBe(true);
    expect(isErrorCode('COMMUNE_UNAVAILABLE')).toBe(true);
    expect(isErrorCode('NOT_A_CODE')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });
});

describe('formattedError', () => {
  it('puts the code first in the extensions, and the path only when given', () => {
    expect(formattedError('UNKNOWN_COMMUNE', 'no such member', { commune: 'BE-00000' })).toEqual({
      message: 'no such member',
      extensions: { code: 'UNKNOWN_COMMUNE', commune: 'BE-00000' },
    });
    expect(formattedError('COMMUNE_UNAVAILABLE', 'down', {}, ['businesses'])).toEqual({
      message: 'down',
      path: ['businesses'],
      extensions: { code: 'COMMUNE_UNAVAILABLE' },
    });
  });
});

describe('formatError', () => {
  /** What Apollo hands formatError for an error thrown by a resolver at `path`. */
  const thrownBy = (error: Error, path = ['createBusiness']) => {
    const wrapped = new GraphQLError(error.message, { path, originalError: error });
    const formatted: GraphQLFormattedError = {
      message: error.message,
      path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at somewhere'] },
    };
    return { wrapped, formatted };
  };
  const silent = () => {};

  it("keeps a domain error's code, message and details", () => {
    const { wrapped, formatted } = thrownBy(badInput('input.name', 'must not be empty'));
    expect(formatError(formatted, wrapped, silent)).toEqual({
      message: 'input.name: must not be empty',
      path: ['createBusiness'],
      extensions: {
        code: 'BAD_USER_INPUT',
        field: 'input.name',
        reason: 'must not be empty',
        problems: [{ field: 'input.name', reason: 'must not be empty' }],
      },
    });
  });

  it('answers WRONG_COMMUNE for a write to a commune the node does not serve', () => {
    const { wrapped, formatted } = thrownBy(new WrongCommune('BE-92094', 'FR-59350'));
    expect(formatError(formatted, wrapped, silent).extensions).toEqual({
      code: 'WRONG_COMMUNE',
      field: 'commune',
      reason: 'this node serves BE-92094, not FR-59350',
      problems: [{ field: 'commune', reason: 'this node serves BE-92094, not FR-59350' }],
    });
  });

  it("finds a domain error under the gateway's wrapping, keeping its serviceName", () => {
    const { wrapped } = thrownBy(new DomainError('FORBIDDEN', 'no admin role in hub'));
    const byGateway = new GraphQLError(wrapped.message, {
      originalError: wrapped,
      extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'registry' },
    });
    const formatted = {
      message: wrapped.message,
      extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'registry' },
    };
    expect(formatError(formatted, byGateway, silent)).toEqual({
      message: 'no admin role in hub',
      extensions: { code: 'FORBIDDEN', serviceName: 'registry' },
    });
  });

  it('keeps the codes GraphQL and Apollo give their own errors, without stack traces', () => {
    const formatted = {
      message: 'Cannot query field "nope" on type "Query".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['at validate'] },
    };
    expect(formatError(formatted, new GraphQLError(formatted.message), silent)).toEqual({
      message: formatted.message,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('logs and hides anything else, keeping where it happened', () => {
    const logged: unknown[] = [];
    const failure = new Error('relation "business" does not exist');
    const { wrapped, formatted } = thrownBy(failure);
    expect(formatError(formatted, wrapped, (err) => logged.push(err))).toEqual({
      message: 'Internal server error',
      path: ['createBusiness'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logged).toEqual([failure]);
  });

  it("hides an exception the gateway coded as a subgraph's, but keeps a remote subgraph's error", () => {
    const logged: unknown[] = [];
    const crash = new Error('connection terminated');
    const local = new GraphQLError('connection terminated', {
      originalError: new GraphQLError('connection terminated', { originalError: crash }),
    });
    const formatted = {
      message: 'connection terminated',
      extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'registry' },
    };
    expect(formatError(formatted, local, (err) => logged.push(err)).extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
    });
    expect(logged).toEqual([crash]);
    // From a remote fetch, the gateway's original error is the answer's plain error object.
    const remote = new GraphQLError('representation names no commune', {
      originalError: { message: 'representation names no commune' } as Error,
    });
    const remoteFormatted = { ...formatted, message: 'representation names no commune' };
    expect(formatError(remoteFormatted, remote, silent)).toEqual(remoteFormatted);
  });
});
