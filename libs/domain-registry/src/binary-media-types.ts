/**
 * The REST API's binary media types, deployed by the infra app and honoured by the local API.
 * None: every body is text, so API Gateway passes a Lambda's `isBase64Encoded` body on as the
 * base64 text it is. Add `type/subtype` or `type/*` entries to serve bytes.
 */
export const binaryMediaTypes: readonly string[] = [];
