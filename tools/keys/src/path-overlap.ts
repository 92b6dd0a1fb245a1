/**
 * Whether some request path matches both templates: same number of segments, and each pair of
 * segments is two literals that are equal or involves a `{param}` (which takes any segment).
 */
export function overlaps(grantPath: string, routePath: string): boolean {
  const grant = grantPath.split('/');
  const route = routePath.split('/');
  return (
    grant.length === route.length &&
    grant.every(
      (segment, index) =>
        isParam(segment) || isParam(route[index] ?? '') || segment === route[index],
    )
  );
}

function isParam(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}
