import { ConfigError, loadConfig } from '../../src/config/config.js';

const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-characters' };

describe('request limits configuration', () => {
  it('has defaults, with introspection on outside production only', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).limits).toEqual({
      bodyBytes: 1024 * 1024,
      maxDepth: 12,
      maxAliases: 30,
      maxDirectives: 50,
      maxTokens: 1000,
      maxCost: 50000,
      maxResponseNodes: 250000,
      documentCache: 64,
      introspection: true,
    });
    expect(loadConfig(PRODUCTION).limits.introspection).toBe(false);
  });

  it('reads every limit from the environment', () => {
    const limits = loadConfig({
      ...PRODUCTION,
      HTTP_BODY_LIMIT_BYTES: '65536',
      GRAPHQL_MAX_DEPTH: '8',
      GRAPHQL_MAX_ALIASES: '5',
      GRAPHQL_MAX_DIRECTIVES: '10',
      GRAPHQL_MAX_TOKENS: '500',
      GRAPHQL_MAX_COST: '1000',
      GRAPHQL_MAX_RESPONSE_NODES: '20000',
      GRAPHQL_DOCUMENT_CACHE: '0',
      GRAPHQL_INTROSPECTION: 'true',
    }).limits;
    expect(limits).toEqual({
      bodyBytes: 65536,
      maxDepth: 8,
      maxAliases: 5,
      maxDirectives: 10,
      maxTokens: 500,
      maxCost: 1000,
      maxResponseNodes: 20000,
      documentCache: 0,
      introspection: true,
    });
  });

  it.each([
    ['GRAPHQL_MAX_DEPTH', 'deep', 'GRAPHQL_MAX_DEPTH must be a whole number, got "deep"'],
    ['GRAPHQL_MAX_DEPTH', '1', 'GRAPHQL_MAX_DEPTH must be between 2 and 100, got 1'],
    ['HTTP_BODY_LIMIT_BYTES', '10', 'HTTP_BODY_LIMIT_BYTES must be between 1024 and 104857600, got 10'],
    ['GRAPHQL_MAX_TOKENS', '-5', 'GRAPHQL_MAX_TOKENS must be a whole number, got "-5"'],
    ['GRAPHQL_INTROSPECTION', 'maybe', 'GRAPHQL_INTROSPECTION must be true or false, got "maybe"'],
  ])('refuses %s=%s', (name, value, message) => {
    expect(() => loadConfig({ NODE_ENV: 'test', [name]: value })).toThrow(new ConfigError(message));
  });
});
