import type { JsonSchema } from './json-schema.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const problemSchemaRef = { $ref: '#/components/schemas/Problem' } as const;

/**
 * RFC 9457 problem details with the extension members this platform sends. `status` is
 * optional: an API gateway's fallback answers keep their own status out of the body.
 */
export const problemSchemas: Readonly<Record<string, JsonSchema>> = {
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details (application/problem+json).',
    properties: {
      type: { type: 'string', description: 'A URI naming the problem type.' },
      title: { type: 'string' },
      status: { type: 'integer', minimum: 400, maximum: 599 },
      detail: { type: 'string' },
      requestId: { type: 'string', description: 'The request id, also in x-amzn-RequestId.' },
      supportedVersions: {
        type: 'array',
        items: { type: 'string' },
        description: 'unsupported-version: the versions this operation serves, newest first.',
      },
      errors: {
        type: 'array',
        items: { $ref: '#/components/schemas/ValidationIssue' },
        description: 'validation-failed: every invalid field.',
      },
    },
    required: ['type', 'title'],
  },
  ValidationIssue: {
    type: 'object',
    properties: {
      location: { enum: ['params', 'query', 'body'] },
      path: { type: 'string', description: "Dot-separated path of the field; '' for the value itself." },
      message: { type: 'string' },
    },
    required: ['location', 'path', 'message'],
    additionalProperties: false,
  },
};
