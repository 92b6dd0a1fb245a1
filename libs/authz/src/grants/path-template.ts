/**
 * A path template split on `/`: `{name}` segments match one non-empty segment; every other
 * segment is compared with the request's segment, percent-decoded (so regex metacharacters and
 * `..` mean nothing special, and `%73earch` is `search`).
 */
export type TemplateSegment = { readonly param: string } | { readonly literal: string };

/** The router's parameter names (`@tollgate/router` compiles templates by the same rules). */
const PARAM_SEGMENT = /^\{([A-Za-z_$][\w$]*)\}$/;

/**
 * Parses `/resources/{id}` into segments, or returns why the template is invalid: the one
 * grammar of every authz matcher (grant route table, served paths, granted ARNs), and the
 * router's. Braces are allowed only as a whole `{name}` segment, each name once: API Gateway
 * resources cannot express `{id}.json` or greedy `{proxy+}` either, and a silently literal brace
 * would surprise an operator. A literal is written unencoded (no `%`): requests are matched
 * decoded, so `%` in a template would be ambiguous.
 */
export function parsePathTemplate(template: string): readonly TemplateSegment[] | string {
  if (!template.startsWith('/')) return 'must start with "/"';
  const segments: TemplateSegment[] = [];
  const names: string[] = [];
  for (const part of template.slice(1).split('/')) {
    const param = PARAM_SEGMENT.exec(part);
    if (param?.[1] !== undefined) {
      if (names.includes(param[1])) return `repeats the parameter {${param[1]}}`;
      names.push(param[1]);
      segments.push({ param: param[1] });
    } else if (part.includes('{') || part.includes('}')) return `segment "${part}" must be a whole {name} parameter or contain no braces`;
    else if (part.includes('%')) return `segment "${part}" must be written unencoded (no "%")`;
    else segments.push({ literal: part });
  }
  return segments;
}
