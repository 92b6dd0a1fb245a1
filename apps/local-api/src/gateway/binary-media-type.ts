/**
 * Whether a media type (a `Content-Type` or `Accept` value; API Gateway reads only the first
 * `Accept` entry) is one of the API's binary media types, which may use wildcards (`image/*`).
 */
export function isBinaryMediaType(
  mediaType: string | undefined,
  binaryMediaTypes: readonly string[],
): boolean {
  const first = mediaType?.split(',')[0]?.split(';')[0]?.trim().toLowerCase();
  if (!first) return false;
  const [type] = first.split('/');
  return binaryMediaTypes.some((entry) => {
    const binary = entry.toLowerCase();
    return binary === first || binary === '*/*' || binary === `${type}/*`;
  });
}
