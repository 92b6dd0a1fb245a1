import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localConfigFromEnv } from './local-config.js';
import { localLimits } from './local-limits.js';

const cwd = mkdtempSync(join(tmpdir(), 'local-config-'));
writeFileSync(join(cwd, 'keys.json'), '{}');

describe('localConfigFromEnv', () => {
  it('defaults to port 3000, the embedded database and the demo keys', () => {
    expect(localConfigFromEnv({}, cwd)).toEqual({
      port: 3000,
      databaseUrl: undefined,
      apiKeysFile: undefined,
      limits: localLimits(undefined),
    });
    expect(localConfigFromEnv({ PORT: '', DATABASE_URL: '', API_KEYS_FILE: '' }, cwd).port).toBe(
      3000,
    );
  });

  it('reads PORT, DATABASE_URL and API_KEYS_FILE (resolved against the working directory)', () => {
    expect(
      localConfigFromEnv(
        { PORT: '0', DATABASE_URL: 'postgres://u:p@db:5432/x', API_KEYS_FILE: 'keys.json' },
        cwd,
      ),
    ).toEqual({
      port: 0,
      databaseUrl: 'postgres://u:p@db:5432/x',
      apiKeysFile: join(cwd, 'keys.json'),
      limits: localLimits(undefined),
    });
  });

  it('names the bad variable in one line, never echoing a DATABASE_URL', () => {
    expect(() => localConfigFromEnv({ PORT: '70000' }, cwd)).toThrow(
      /^invalid configuration: PORT must be a port number$/,
    );
    expect(() => localConfigFromEnv({ PORT: 'abc' }, cwd)).toThrow(
      /^invalid configuration: PORT must be a port number$/,
    );
    expect(() => localConfigFromEnv({ DATABASE_URL: 'mysql://u:hunter2@db' }, cwd)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
    expect(() => localConfigFromEnv({ API_KEYS_FILE: 'missing.json' }, cwd)).toThrow(
      /^invalid configuration: API_KEYS_FILE no such file/,
    );
    writeFileSync(join(cwd, 'bad-keys.json'), '[]');
    expect(() => localConfigFromEnv({ API_KEYS_FILE: 'bad-keys.json' }, cwd)).toThrow(
      `API_KEYS_FILE ${join(cwd, 'bad-keys.json')}: invalid key map: key map must be a JSON object of key → entry`,
    );
  });
});
