/**
 * A path template split on `/`: `{name}` segments match one non-empty segment; every other
 * segment is compared literally (so regex metacharacters, `%2F`, `..` mean nothing special).
 */
export type TemplateSegment = { readonly param: string } | { readonly literal: string };

const PARAM_SEGMENT = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

/**
 * Parses `/resources/{id}` into segments, or returns why the template is invalid.
 * Braces are allowed only as a whole `{name}` segment: API Gateway resources cannot express
 * `{id}.json` or greedy `{proxy+}` either, and a silently literal brace would surprise an operator.
 */
export function parsePathTemplate(template: string): readonly TemplateSegment[] | string {
  if (!template.startsWith('/')) return 'must start with "/"';
  const segments: TemplateSegment[] = [];
  for (const part of template.slice(1).split('/')) {
    const param = PARAM_SEGMENT.exec(part);
    if (param?.[1] !== undefined) segments.push({ param: param[1] });
    else if (part.includes('{') || part.includes('}'))
      return `segment "${part}" must be a whole {name} parameter or contain no braces`;
    else segments.push({ literal: part });
  }
  return segments;
}
