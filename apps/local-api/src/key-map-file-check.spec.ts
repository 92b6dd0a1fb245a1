import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyMapFileProblem } from './key-map-file-check.js';

const dir = mkdtempSync(join(tmpdir(), 'key-map-check-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const grant = { method: 'GET', path: '/resources' };

describe('keyMapFileProblem', () => {
  it('finds nothing wrong with a map the authorizer loads', () => {
    const valid = file(
      'valid.json',
      JSON.stringify({ sk_a: { companyId: 42, userId: 7, authorizedRequests: [grant] } }),
    );
    expect(keyMapFileProblem(valid)).toBeUndefined();
  });

  it('names the file when it is not JSON, without quoting its text', () => {
    const broken = file('broken.json', '{"sk_secret_key_1": {');
    expect(keyMapFileProblem(broken)).toBe(`${broken}: is not valid JSON`);
  });

  it('names the file and the entry by fingerprint when the map is not in the format', () => {
    const wrong = file(
      'wrong.json',
      JSON.stringify({ sk_secret_key_2: { companyId: 42, authorizedRequests: [grant] } }),
    );
    const problem = keyMapFileProblem(wrong) ?? '';
    expect(problem).toMatch(new RegExp(`^${wrong}: invalid key map: .*userId`));
    expect(problem).not.toContain('sk_secret_key_2');
    expect(problem).not.toContain('\n');
  });

  it('names the file when it cannot be read', () => {
    expect(keyMapFileProblem(dir)).toBe(`${dir}: cannot be read (EISDIR)`);
  });
});
