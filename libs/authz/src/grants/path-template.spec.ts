import { parsePathTemplate } from './path-template.js';

describe('parsePathTemplate (the one template grammar, the router’s)', () => {
  it('splits a template into literal and {name} segments', () => {
    expect(parsePathTemplate('/resources/{id}')).toEqual([{ literal: 'resources' }, { param: 'id' }]);
    expect(parsePathTemplate('/')).toEqual([{ literal: '' }]);
    expect(parsePathTemplate('/a//{$b_1}/')).toEqual([{ literal: 'a' }, { literal: '' }, { param: '$b_1' }, { literal: '' }]);
    expect(parsePathTemplate('/a.b/*/(c)')).toEqual([{ literal: 'a.b' }, { literal: '*' }, { literal: '(c)' }]);
  });

  it('rejects what the router rejects: no leading slash, partial or greedy braces, a repeated name, an encoded literal', () => {
    expect(parsePathTemplate('resources')).toBe('must start with "/"');
    expect(parsePathTemplate('/r/{id}.json')).toMatch(/whole \{name\} parameter/);
    expect(parsePathTemplate('/r/{proxy+}')).toMatch(/whole \{name\} parameter/);
    expect(parsePathTemplate('/r/{1d}')).toMatch(/whole \{name\} parameter/);
    expect(parsePathTemplate('/r/{id}/{id}')).toBe('repeats the parameter {id}');
    expect(parsePathTemplate('/r/%73earch')).toBe('segment "%73earch" must be written unencoded (no "%")');
  });
});
