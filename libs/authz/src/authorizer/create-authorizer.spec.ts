import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { generateApiKey } from '../key-map/api-key-format.js';
import { compileKeyMap } from '../key-map/compile-key-map.js';
import { CachingKeyMapLoader } from '../loader/caching-key-map-loader.js';
import type { KeyMapSource } from '../sources/key-map-source.js';
import { hashedKeyName, keyFingerprint } from '../key-map/key-names.js';
import type { KeyMapProvider } from '../loader/key-map-provider.js';
import { HASHED_KEY, METHOD_ARN_PREFIX, PLAIN_KEY, authorizerEvent, keyMapJson, recordingLogger } from '../testing/fixtures.js';
import { createAuthorizer, type AuthorizerOptions } from './create-authorizer.js';

const keyMap = compileKeyMap(keyMapJson);
const loaded: KeyMapProvider = { keyMapFor: async () => keyMap };

function setup(options: Partial<AuthorizerOptions> = {}) {
  const logger = recordingLogger();
  const authorizer = createAuthorizer({ keyMaps: loaded, logger, ...options });
  // As the Lambda entry exports it: the method, bound.
  return { logger, authorize: authorizer.authorize.bind(authorizer) };
}

const effectOf = (result: APIGatewayAuthorizerResult) => result.policyDocument.Statement.map((s) => s.Effect);

describe('createAuthorizer', () => {
  it('allows a granted request with principalId, primitive context and a usageIdentifierKey derived from the key, never the key', async () => {
    const { authorize } = setup();
    const result: APIGatewayAuthorizerResult = await authorize(authorizerEvent());
    expect(result).toMatchObject({
      principalId: '42-7',
      context: { companyId: 42, userId: 7 },
      usageIdentifierKey: `tgu_${hashedKeyName(PLAIN_KEY).slice(7, 47)}`,
      policyDocument: { Statement: [{ Effect: 'Allow', Resource: `${METHOD_ARN_PREFIX}GET/resources/42` }] },
    });
  });

  it('passes a pinned key’s apiVersion in the Allow context only, in both formats', async () => {
    const grant = { method: 'GET', path: '/resources/{id}' };
    const pinnedV1 = compileKeyMap({ [PLAIN_KEY]: { companyId: 42, userId: 7, apiVersion: '2024-12-01', authorizedRequests: [grant] } });
    const pinnedV2 = compileKeyMap({
      version: 2,
      plans: {},
      keys: { [hashedKeyName(PLAIN_KEY)]: { companyId: 42, userId: 7, apiVersion: '2024-12-01', grants: [grant] } },
    });
    for (const map of [pinnedV1, pinnedV2]) {
      const authorizer = createAuthorizer({ keyMaps: { keyMapFor: async () => map }, logger: recordingLogger() });
      expect((await authorizer.authorize(authorizerEvent())).context).toEqual({ companyId: 42, userId: 7, apiVersion: '2024-12-01' });
      expect((await authorizer.authorize(authorizerEvent({ path: '/analytics/daily' }))).context).not.toHaveProperty('apiVersion');
    }
    // An unpinned key's context carries no version: the router then requires X-Api-Version.
    const { authorize } = setup();
    expect((await authorize(authorizerEvent())).context).toEqual({ companyId: 42, userId: 7 });
  });

  it('refuses a key map whose apiVersion is not a real date', () => {
    const grant = { method: 'GET', path: '/resources' };
    for (const apiVersion of ['2024-02-30', '2024-12', 'latest', 20241201]) {
      expect(() => compileKeyMap({ [PLAIN_KEY]: { companyId: 42, userId: 7, apiVersion, authorizedRequests: [grant] } })).toThrow(/apiVersion/);
    }
  });

  it('reads X-Api-Key case-insensitively, and from multiValueHeaders', async () => {
    const { authorize } = setup();
    for (const headers of [{ 'x-api-key': PLAIN_KEY }, { 'X-API-KEY': PLAIN_KEY }, { 'x-Api-kEy': PLAIN_KEY }]) {
      expect(effectOf(await authorize(authorizerEvent({ headers })))).toEqual(['Allow']);
    }
    expect(effectOf(await authorize(authorizerEvent({ headers: {}, multiValueHeaders: { 'x-api-key': [PLAIN_KEY] } })))).toEqual([
      'Allow',
    ]);
  });

  it('throws exactly Error("Unauthorized") without a key — also when the maps are null', async () => {
    const { authorize, logger } = setup();
    for (const event of [
      authorizerEvent({ headers: {} }),
      authorizerEvent({ headers: { 'X-Api-Key': '' } }),
      authorizerEvent({ headers: null, multiValueHeaders: null }),
    ]) {
      const error = await authorize(event).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toBe('Unauthorized');
    }
    expect(logger.records[0]).toEqual({ level: 'info', message: 'unauthorized', fields: { reason: 'missing-key', requestId: 'req-1' } });
  });

  it('answers Unauthorized for two different X-Api-Key values, logging neither', async () => {
    const { authorize, logger } = setup();
    for (const event of [
      authorizerEvent({ headers: { 'X-Api-Key': PLAIN_KEY }, multiValueHeaders: { 'X-Api-Key': [PLAIN_KEY, 'sk_live_other'] } }),
      authorizerEvent({ headers: { 'X-Api-Key': 'sk_live_other' }, multiValueHeaders: { 'x-api-key': [PLAIN_KEY] } }),
      authorizerEvent({ headers: { 'X-Api-Key': PLAIN_KEY, 'x-api-key': 'sk_live_other' }, multiValueHeaders: {} }),
    ]) {
      await expect(authorize(event)).rejects.toEqual(new Error('Unauthorized'));
    }
    expect(logger.records.map((record) => record.fields?.['reason'])).toEqual(['conflicting-keys', 'conflicting-keys', 'conflicting-keys']);
    expect(logger.text()).not.toContain(PLAIN_KEY);
    expect(logger.text()).not.toContain('sk_live_other');
  });

  it('takes a repeated X-Api-Key with one value as that key', async () => {
    const { authorize } = setup();
    const event = authorizerEvent({ headers: { 'X-Api-Key': PLAIN_KEY }, multiValueHeaders: { 'X-Api-Key': [PLAIN_KEY, PLAIN_KEY], 'x-api-key': [PLAIN_KEY] } });
    expect(effectOf(await authorize(event))).toEqual(['Allow']);
  });

  describe('a key in Tollgate format (tg_live_/tg_test_ + body + checksum)', () => {
    const key = generateApiKey('live');
    const mistyped = key.slice(0, -1) + (key.endsWith('0') ? '1' : '0');
    const document = { version: 2, plans: {}, keys: { [hashedKeyName(key)]: { companyId: 42, userId: 7, grants: [{ method: 'GET', path: '/resources/{id}' }] } } };

    /** A file-like source that records every load. */
    function recordingSource(): KeyMapSource & { loads: number } {
      return {
        description: 'recording',
        loads: 0,
        async load() {
          this.loads++;
          return document;
        },
      };
    }

    it('is allowed when its checksum holds and it is granted', async () => {
      const source = recordingSource();
      const { authorize } = setup({ keyMaps: new CachingKeyMapLoader({ source }) });
      expect(effectOf(await authorize(authorizerEvent({ headers: { 'X-Api-Key': key } })))).toEqual(['Allow']);
      expect(source.loads).toBe(1);
    });

    it('with a bad checksum is a 401 before any key map is asked for or loaded', async () => {
      const source = recordingSource();
      let asked = 0;
      const loader = new CachingKeyMapLoader({ source });
      const { authorize, logger } = setup({ keyMaps: { keyMapFor: (presented) => (asked++, loader.keyMapFor(presented)) } });
      for (const bad of [mistyped, `${key}x`, 'tg_live_short', key.slice(0, 9) + (key.charAt(9) === 'a' ? 'b' : 'a') + key.slice(10)]) {
        await expect(authorize(authorizerEvent({ headers: { 'X-Api-Key': bad } }))).rejects.toEqual(new Error('Unauthorized'));
      }
      expect(asked).toBe(0);
      expect(source.loads).toBe(0);
      expect(logger.records[0]).toEqual({
        level: 'info',
        message: 'unauthorized',
        fields: { reason: 'bad-checksum', keyFingerprint: keyFingerprint(mistyped), requestId: 'req-1' },
      });
      expect(logger.text()).not.toContain(mistyped);
    });

    it('leaves keys in other formats to the key map', async () => {
      let asked = 0;
      const { authorize } = setup({ keyMaps: { keyMapFor: async () => (asked++, keyMap) } });
      expect(effectOf(await authorize(authorizerEvent({ headers: { 'X-Api-Key': PLAIN_KEY } })))).toEqual(['Allow']);
      await expect(authorize(authorizerEvent({ headers: { 'X-Api-Key': 'tg_prod_whatever' } }))).rejects.toEqual(new Error('Unauthorized'));
      expect(asked).toBe(2);
    });
  });

  describe('an event not shaped as API Gateway sends it', () => {
    const valid = authorizerEvent();
    it.each([
      ['a null event', null],
      ['an undefined event', undefined],
      ['a string event', 'GET /resources/42'],
      ['a null path', { ...valid, path: null }],
      ['a path without its leading slash', { ...valid, path: 'resources/42' }],
      ['no httpMethod', { ...valid, httpMethod: undefined }],
      ['no methodArn', { ...valid, methodArn: undefined }],
      ['a methodArn that is not an execute-api ARN', { ...valid, methodArn: 'GET/resources/42' }],
      ['a methodArn naming another method', { ...valid, methodArn: `${METHOD_ARN_PREFIX}DELETE/resources/42` }],
      ['a methodArn naming another path', { ...valid, methodArn: `${METHOD_ARN_PREFIX}GET/resources/43` }],
      ['a methodArn naming a longer path', { ...valid, methodArn: `${METHOD_ARN_PREFIX}GET/resources/42/secret` }],
      ['a number as a header value', { ...valid, headers: { 'X-Api-Key': 42 } }],
      ['an array as a header value', { ...valid, headers: { 'X-Api-Key': [PLAIN_KEY] } }],
      ['a string as a multi-value header', { ...valid, headers: {}, multiValueHeaders: { 'X-Api-Key': PLAIN_KEY } }],
      ['an object as a query value', { ...valid, queryStringParameters: { limit: { n: 1 } } }],
      ['headers that are a list', { ...valid, headers: [PLAIN_KEY] }],
    ])('is answered Unauthorized — never a TypeError, never an Allow — for %s', async (_label, event) => {
      const { authorize, logger } = setup();
      const error = await authorize(event as never).then(() => undefined, (e: unknown) => e);
      expect(error).toEqual(new Error('Unauthorized'));
      expect(error).not.toBeInstanceOf(TypeError);
      const requestId = typeof event === 'object' && event !== null ? 'req-1' : undefined;
      expect(logger.records).toEqual([{ level: 'warn', message: 'unauthorized', fields: { reason: 'malformed-event', requestId } }]);
    });

    it('still allows the same request when its methodArn names it, including the root path', async () => {
      const { authorize } = setup();
      expect(effectOf(await authorize(valid))).toEqual(['Allow']);
      const root = { ...valid, path: '/', methodArn: `${METHOD_ARN_PREFIX}GET/` };
      expect(effectOf(await authorize(root))).toEqual(['Deny']);
    });

    it('takes null header and query values as absent, as a console test invocation sends them', async () => {
      const { authorize } = setup();
      const event = { ...valid, headers: { 'X-Api-Key': PLAIN_KEY, Accept: null }, queryStringParameters: null };
      expect(effectOf(await authorize(event))).toEqual(['Allow']);
    });
  });

  it.each(['sk_live_unknown', '__proto__', 'constructor', 'toString', 'hasOwnProperty', `sha256:${'0'.repeat(64)}`])(
    'throws Error("Unauthorized") for the unknown key %s',
    async (apiKey) => {
      const { authorize } = setup();
      await expect(authorize(authorizerEvent({ headers: { 'X-Api-Key': apiKey } }))).rejects.toThrow(new Error('Unauthorized'));
    },
  );

  it.each([
    ['disabled', { disabled: true }, 'disabled-key'],
    ['expired', { expiresAt: '2020-01-01T00:00:00Z' }, 'expired-key'],
  ])('throws Error("Unauthorized") for a %s key, logging why', async (_label, patch, reason) => {
    const key = 'sk_live_switched_off_1';
    const v2 = compileKeyMap({ version: 2, plans: {}, keys: { [hashedKeyName(key)]: { companyId: 1, userId: 2, grants: [{ method: 'GET', path: '/resources/{id}' }], ...patch } } });
    const { authorize, logger } = setup({ keyMaps: { keyMapFor: async () => v2 } });
    await expect(authorize(authorizerEvent({ headers: { 'X-Api-Key': key } }))).rejects.toThrow(new Error('Unauthorized'));
    expect(logger.records).toEqual([{ level: 'info', message: 'unauthorized', fields: { reason, keyFingerprint: keyFingerprint(key), requestId: 'req-1' } }]);
  });

  it('logs an unknown key by fingerprint, never the key itself', async () => {
    const { authorize, logger } = setup();
    await authorize(authorizerEvent({ headers: { 'X-Api-Key': 'sk_live_leaked_value' } })).catch(() => undefined);
    expect(logger.records).toEqual([
      {
        level: 'info',
        message: 'unauthorized',
        fields: { reason: 'unknown-key', keyFingerprint: keyFingerprint('sk_live_leaked_value'), requestId: 'req-1' },
      },
    ]);
    expect(logger.text()).not.toContain('sk_live_leaked_value');
  });

  it('denies a known key’s ungranted method, path or query parameter, and logs it without the key', async () => {
    const { authorize, logger } = setup();
    for (const event of [
      authorizerEvent({ httpMethod: 'DELETE' }),
      authorizerEvent({ path: '/resources/42/secrets' }),
      authorizerEvent({ path: '/resources', query: { limit: '1', admin: 'true' } }),
    ]) {
      const result = await authorize(event);
      expect(result).toMatchObject({ principalId: '42-7', context: { reason: 'no-matching-grant' } });
      expect(effectOf(result)).toEqual(['Deny']);
      expect(result.usageIdentifierKey).toBeUndefined();
    }
    expect(logger.records).toHaveLength(3);
    expect(logger.records[0]?.fields).toMatchObject({ keyFingerprint: keyFingerprint(PLAIN_KEY), principalId: '42-7' });
    expect(logger.text()).not.toContain(PLAIN_KEY);
  });

  it('allows listed query parameters, from either query map', async () => {
    const { authorize } = setup();
    expect(effectOf(await authorize(authorizerEvent({ path: '/resources', query: { limit: '5', cursor: 'x' } })))).toEqual(['Allow']);
    const onlyMulti = authorizerEvent({ path: '/resources', queryStringParameters: null, multiValueQueryStringParameters: { debug: ['1'] } });
    expect(effectOf(await authorize(onlyMulti))).toEqual(['Deny']);
  });

  it('matches grants on event.path, not on the stage-prefixed or resource paths', async () => {
    const { authorize } = setup();
    const event = { ...authorizerEvent(), resource: '/resources/{proxy+}', requestContext: { requestId: 'r', path: '/prod/resources/42' } };
    expect(effectOf(await authorize(event))).toEqual(['Allow']);
  });

  it('authorizes a key stored as sha256 by the key presented', async () => {
    const { authorize } = setup();
    const event = authorizerEvent({ httpMethod: 'POST', path: '/analytics/r-9', headers: { 'x-api-key': HASHED_KEY } });
    expect(await authorize(event)).toMatchObject({ principalId: '43-u-1', context: { companyId: 43, userId: 'u-1' } });
  });

  it('denies (never throws another error) while no key map is available', async () => {
    const { authorize, logger } = setup({ keyMaps: { keyMapFor: async () => undefined } });
    const result = await authorize(authorizerEvent());
    expect(result).toMatchObject({ principalId: 'unavailable', context: { reason: 'key-map-unavailable' } });
    expect(effectOf(result)).toEqual(['Deny']);
    expect(logger.records).toEqual([
      {
        level: 'warn',
        message: 'denied',
        fields: { reason: 'key-map-unavailable', keyFingerprint: keyFingerprint(PLAIN_KEY), requestId: 'req-1' },
      },
    ]);
  });

  it('lists every granted ARN when configured for a caching authorizer', async () => {
    const { authorize } = setup({ policyResource: 'granted-arns' });
    const result = await authorize(authorizerEvent());
    expect(result.policyDocument.Statement[0]?.Resource).toEqual([
      `${METHOD_ARN_PREFIX}GET/resources/42`,
      `${METHOD_ARN_PREFIX}GET/resources`,
      `${METHOD_ARN_PREFIX}GET/resources/*`,
    ]);
  });

  it('accepts API Gateway’s own REQUEST authorizer event type', async () => {
    const { authorize } = setup();
    const event: APIGatewayRequestAuthorizerEvent = {
      type: 'REQUEST',
      methodArn: `${METHOD_ARN_PREFIX}GET/resources`,
      resource: '/resources',
      path: '/resources',
      httpMethod: 'GET',
      headers: { 'X-Api-Key': PLAIN_KEY },
      multiValueHeaders: { 'X-Api-Key': [PLAIN_KEY] },
      pathParameters: null,
      queryStringParameters: null,
      multiValueQueryStringParameters: null,
      stageVariables: null,
      requestContext: authorizerRequestContext(),
    };
    expect(effectOf(await authorize(event))).toEqual(['Allow']);
  });
});

function authorizerRequestContext(): APIGatewayRequestAuthorizerEvent['requestContext'] {
  return {
    accountId: '123456789012',
    apiId: 'abc123def4',
    authorizer: undefined,
    protocol: 'HTTP/1.1',
    httpMethod: 'GET',
    identity: {} as APIGatewayRequestAuthorizerEvent['requestContext']['identity'],
    path: '/prod/resources',
    stage: 'prod',
    requestId: 'req-2',
    requestTimeEpoch: 0,
    resourceId: 'res',
    resourcePath: '/resources',
  };
}
