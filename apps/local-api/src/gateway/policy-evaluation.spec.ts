import fc from 'fast-check';
import { evaluatePolicy, iamPatternMatches } from './policy-evaluation.js';

const arn = 'arn:aws:execute-api:us-east-1:123456789012:t0llg4te1o/local/GET/resources/abc';
const allow = (Resource: string | string[], Action: string | string[] = 'execute-api:Invoke') =>
  ({ Effect: 'Allow', Action, Resource }) as const;
const deny = (Resource: string) =>
  ({ Effect: 'Deny', Action: 'execute-api:Invoke', Resource }) as const;

describe('iamPatternMatches', () => {
  it('treats * as any run of characters, across / and :', () => {
    expect(iamPatternMatches('arn:aws:execute-api:*', arn)).toBe(true);
    expect(
      iamPatternMatches('arn:aws:execute-api:us-east-1:123456789012:t0llg4te1o/local/GET/*', arn),
    ).toBe(true);
    expect(
      iamPatternMatches('arn:aws:execute-api:us-east-1:123456789012:t0llg4te1o/local/POST/*', arn),
    ).toBe(false);
  });

  it('treats ? as exactly one character and everything else literally', () => {
    expect(iamPatternMatches('a?c', 'abc')).toBe(true);
    expect(iamPatternMatches('a?c', 'ac')).toBe(false);
    expect(iamPatternMatches('a.c', 'abc')).toBe(false);
    expect(iamPatternMatches('(a)+', '(a)+')).toBe(true);
  });

  it('matches a pattern without wildcards only against itself', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/[*?]/.test(s)),
        fc.string(),
        (pattern, other) => {
          expect(iamPatternMatches(pattern, pattern)).toBe(true);
          expect(iamPatternMatches(pattern, other)).toBe(pattern === other);
        },
      ),
    );
  });
});

describe('evaluatePolicy', () => {
  it('allows when an Allow statement names the method ARN', () => {
    expect(evaluatePolicy([allow(arn)], arn)).toBe('allow');
    expect(evaluatePolicy([allow(['arn:other', arn])], arn)).toBe('allow');
  });

  it('denies implicitly when no Allow matches the method ARN', () => {
    expect(evaluatePolicy([], arn)).toBe('implicit-deny');
    expect(evaluatePolicy([allow(arn.replace('/GET/', '/POST/'))], arn)).toBe('implicit-deny');
    expect(evaluatePolicy([allow(arn, 's3:GetObject')], arn)).toBe('implicit-deny');
  });

  it('lets an explicit Deny win over any Allow', () => {
    expect(evaluatePolicy([allow('*'), deny(arn)], arn)).toBe('explicit-deny');
  });

  it('matches action names case-insensitively and with wildcards', () => {
    expect(evaluatePolicy([allow(arn, 'EXECUTE-API:invoke')], arn)).toBe('allow');
    expect(evaluatePolicy([allow(arn, 'execute-api:*')], arn)).toBe('allow');
    expect(evaluatePolicy([allow(arn, '*')], arn)).toBe('allow');
  });
});
