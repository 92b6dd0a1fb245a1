/** What a path matcher decided: the template it serves a path from, and its parameters. */
export interface PathMatch {
  /** The chosen template, as it was given. */
  readonly template: string;
  /** Each parameter's percent-decoded value; `undefined` when its escapes are malformed (the router answers 400). */
  readonly params: Readonly<Record<string, string | undefined>>;
}

const isParam = (segment: string) => segment.startsWith('{') && segment.endsWith('}');

/** `decodeURIComponent`, or undefined when an escape is malformed. */
function decodeOrUndefined(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/**
 * The path grammar every Tollgate matcher keeps, written as plainly as possible (the oracle of
 * the router's property test and of the shared conformance cases): a template is `/` and
 * segments, `{name}` a parameter. A path matches a template when it has as many segments and
 * each decoded segment (a malformed escape compared raw) equals the literal, or is non-empty
 * for a parameter. Of all matching templates the most specific wins: a literal beats a
 * parameter, leftmost first. No dot-segment, slash or case normalization.
 *
 * `templates` are `{name}` templates only (no RegExp, no greedy `{name+}`); two templates with
 * the same shape (`/r/{a}`, `/r/{b}`) are one path, reported as the first given.
 */
export function referencePathMatch(templates: readonly string[], path: string): PathMatch | undefined {
  if (!path.startsWith('/')) return undefined;
  const raw = path.split('/').slice(1);
  const decoded = raw.map((segment) => decodeOrUndefined(segment) ?? segment);
  const segmentsOf = (template: string) => template.split('/').slice(1);
  const matching = templates.filter((template) => {
    const segments = segmentsOf(template);
    return (
      segments.length === decoded.length &&
      segments.every((segment, i) => (isParam(segment) ? decoded[i] !== '' : segment === decoded[i]))
    );
  });
  const shape = (template: string) =>
    segmentsOf(template)
      .map((segment) => (isParam(segment) ? '1' : '0'))
      .join('');
  let best: string | undefined;
  for (const template of matching) if (best === undefined || shape(template) < shape(best)) best = template;
  if (best === undefined) return undefined;
  const params: Record<string, string | undefined> = {};
  segmentsOf(best).forEach((segment, i) => {
    if (isParam(segment)) params[segment.slice(1, -1)] = decodeOrUndefined(raw[i] as string);
  });
  return { template: best, params };
}

/** A set of templates and the paths every matcher must resolve as `referencePathMatch` does. */
export interface PathMatchingCase {
  readonly name: string;
  readonly templates: readonly string[];
  readonly paths: readonly string[];
}

/**
 * The shared conformance cases: each matcher in the repository (the router, the authorizer's
 * route table and granted ARNs, the local API's resources, the router's test events) runs them
 * against `referencePathMatch` in its own tests.
 */
export const pathMatchingCases: readonly PathMatchingCase[] = [
  {
    name: 'static and parameter siblings',
    templates: ['/resources', '/resources/{id}', '/resources/search', '/resources/{id}/items'],
    paths: [
      '/resources',
      '/resources/42',
      '/resources/search',
      '/resources/searc',
      '/resources/Search',
      '/resources/42/items',
      '/resources/search/items',
      '/resources/42/other',
    ],
  },
  {
    name: 'percent-encoded segments',
    templates: ['/resources', '/resources/{id}', '/resources/search', '/café/{id}'],
    paths: [
      '/resources/%73earch',
      '/%72esources/%73earch',
      '/resources/%73EARCH',
      '/resources/%2573earch',
      '/resources/a%20b',
      '/resources/%E2%98%95',
      '/caf%C3%A9/1',
      '/café/1',
      '/cafe%CC%81/1',
      '/%72esources',
    ],
  },
  {
    name: 'malformed escapes',
    templates: ['/resources/{id}', '/resources/search', '/x/{a}/y'],
    paths: ['/resources/%zz', '/resources/%E0%A4%A', '/resources/%', '/resources/search%', '/x/%E0%A4%A/y', '/x/%/y', '/resources/%E0%A4%A8'],
  },
  {
    name: '%2F inside a segment',
    templates: ['/resources/{id}', '/resources/a/b', '/files/{name}/meta'],
    paths: ['/resources/a%2Fb', '/resources/a%2fb', '/resources/%2F', '/files/a%2Fb/meta', '/files/a/b/meta'],
  },
  {
    name: 'empty segments, trailing and doubled slashes',
    templates: ['/', '/resources', '/resources/{id}', '/a//b', '/t/', '/p/{id}/q'],
    paths: ['/', '', 'resources', '//', '/resources/', '//resources', '/resources//', '/a//b', '/a/b', '/a///b', '/t/', '/t', '/t//', '/p//q', '/p/1/q', '/p/1/q/'],
  },
  {
    name: 'structural backtracking (no template ends below the literal)',
    templates: ['/a/b/c', '/a/{x}/d', '/a/{x}/{y}/z', '/a/b/{y}/w', '/m/n', '/m/{p}/o'],
    paths: ['/a/b/c', '/a/b/d', '/a/%62/d', '/a/q/d', '/a/b/q/z', '/a/b/q/w', '/a/b/w/w', '/a/b', '/m/n', '/m/n/o', '/m/x/o', '/m/n/p'],
  },
  {
    name: 'dot segments and metacharacters are plain text',
    templates: ['/', '/public/{file}', '/a.b/(c)', '/admin'],
    paths: ['/public/..', '/public/../admin', '/public/.', '/a.b/(c)', '/aXb/(c)', '/a%2Eb/%28c%29', '/admin/..'],
  },
];

/**
 * Templates every `{name}` grammar in the repository accepts, and ones it refuses: no leading
 * `/`, braces that are not a whole `{name}` segment (`{id}.json`, greedy `{proxy+}`, `{1d}`), a
 * repeated name, a literal written encoded (requests are matched decoded).
 */
export const templateGrammarCases = {
  valid: ['/', '/resources', '/resources/{id}', '/a//{$b_1}/', '/a.b/*/(c)', '/café/{_x}', '/t/'],
  invalid: ['', 'resources', '/r/{id}.json', '/r/{proxy+}', '/r/{1d}', '/r/{}', '/r/{id}/{id}', '/r/%73earch', '/r/{i-d}', '/r/x}'],
} as const;
