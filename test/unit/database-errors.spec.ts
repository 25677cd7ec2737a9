import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { formatErrors } from '../../src/graphql/error-formatter.js';

/** How database failures reach clients: the code and message of a resolver's error. */
function format(originalError: Error): { code: unknown; message: string } {
  const { response } = formatErrors({
    data: { field: null },
    errors: [new GraphQLError(originalError.message, { originalError, path: ['field'] })],
  });
  const [error] = response.errors!;
  return { code: error.extensions.code, message: error.message };
}

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'ERROR' });
const queryFailed = (code: string, message: string) => new QueryFailedError('SELECT 1', [], pgError(code, message));

describe('database errors as GraphQL errors', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it.each([
    ['the server shutting down', queryFailed('57P01', 'terminating connection due to administrator command')],
    ['the server starting up', pgError('57P03', 'the database system is starting up')],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a connection lost mid-query', queryFailed('', 'Connection terminated unexpectedly')],
    ['a pool out of connections', new Error('timeout exceeded when trying to connect')],
    ['a transaction whose connection broke', new QueryRunnerAlreadyReleasedError()],
    ['a transaction manager whose connection broke', new QueryRunnerProviderAlreadyReleasedError()],
  ])('%s: SERVICE_UNAVAILABLE', (_case, error) => {
    expect(format(error)).toEqual({ code: 'SERVICE_UNAVAILABLE', message: 'The database is not reachable right now; try again shortly' });
  });

  it('a statement stopped by the statement timeout: SERVICE_UNAVAILABLE, saying so', () => {
    expect(format(queryFailed('57014', 'canceling statement due to statement timeout'))).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      message: 'The database took too long to answer and the request was stopped; narrow it or try again shortly',
    });
  });

  it.each([
    ['22021', 'invalid byte sequence for encoding "UTF8": 0x00'],
    ['22001', 'value too long for type character(3)'],
    ['22003', 'integer out of range'],
    ['22P02', 'invalid input syntax for type uuid: "x"'],
    ['22008', 'date/time field value out of range: "2023-02-29"'],
  ])('a data exception (%s) that validation let through: BAD_USER_INPUT, with what PostgreSQL said', (code, message) => {
    expect(format(queryFailed(code, message))).toEqual({ code: 'BAD_USER_INPUT', message: `Invalid input: ${message}` });
  });

  it('any other database error stays internal and masked', () => {
    expect(format(queryFailed('42P01', 'relation "nothing" does not exist'))).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      message: 'Internal server error',
    });
  });
});
