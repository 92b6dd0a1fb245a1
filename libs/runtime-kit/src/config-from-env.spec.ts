import * as z from 'zod/mini';
import { ConfigError, configFromEnv } from './config-from-env.js';

const schema = z.object({
  PORT: z.optional(
    z.coerce
      .number({ error: 'must be a whole number' })
      .check(z.int({ error: 'must be a whole number' })),
  ),
  URL: z.string({ error: 'is required' }),
});

describe('configFromEnv', () => {
  it('returns the parsed variables', () => {
    expect(configFromEnv(schema, { URL: 'postgres://x', PORT: '8080', OTHER: 'ignored' })).toEqual({
      URL: 'postgres://x',
      PORT: 8080,
    });
  });

  it('names every bad variable in one line, never its value', () => {
    expect(() => configFromEnv(schema, { PORT: 'eighty' })).toThrow(
      new ConfigError(['PORT must be a whole number', 'URL is required']),
    );
    try {
      configFromEnv(schema, { PORT: 'secret-looking-value' });
    } catch (error) {
      expect((error as Error).message).toBe(
        'invalid configuration: PORT must be a whole number; URL is required',
      );
      expect((error as Error).message).not.toContain('secret-looking-value');
      expect((error as Error).name).toBe('ConfigError');
    }
  });

  it('formats a single problem the same way', () => {
    expect(new ConfigError('set exactly one of A or B').message).toBe(
      'invalid configuration: set exactly one of A or B',
    );
  });
});
