import type { JsonSchema } from './json-schema.js';

/** The parts of an OpenAPI 3.1 document this package writes. */
export interface OpenApiDocument {
  readonly openapi: '3.1.1';
  readonly info: OpenApiInfo;
  readonly servers?: readonly OpenApiServer[];
  readonly security?: readonly Readonly<Record<string, readonly string[]>>[];
  readonly tags: readonly { readonly name: string }[];
  readonly paths: Readonly<Record<string, Readonly<Record<string, OpenApiOperation>>>>;
  readonly components: OpenApiComponents;
}

export interface OpenApiInfo {
  readonly title: string;
  /** The API version date. */
  readonly version: string;
  readonly description?: string;
  /** Every operation of this version is deprecated. */
  readonly 'x-deprecated'?: true;
  /** The earliest sunset of this version's operations. */
  readonly 'x-sunset'?: string;
}

export interface OpenApiServer {
  readonly url: string;
  readonly description?: string;
}

export interface OpenApiOperation {
  readonly operationId: string;
  readonly summary?: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly deprecated?: true;
  /** `YYYY-MM-DD` after which this operation is gone (the `Sunset` header). */
  readonly 'x-sunset'?: string;
  /** What this version changed from the one before, as its version changes describe it. */
  readonly 'x-changes'?: readonly string[];
  readonly parameters: readonly (OpenApiParameter | OpenApiReference)[];
  readonly requestBody?: {
    readonly required: boolean;
    readonly content: Readonly<Record<string, OpenApiMediaType>>;
  };
  readonly responses: Readonly<Record<string, OpenApiResponse>>;
}

export interface OpenApiParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required: boolean;
  readonly description?: string;
  readonly schema: JsonSchema;
}

export interface OpenApiReference {
  readonly $ref: string;
}

export interface OpenApiMediaType {
  readonly schema: JsonSchema;
  readonly examples?: Readonly<Record<string, { readonly summary?: string; readonly value: unknown }>>;
}

export interface OpenApiHeader {
  readonly description: string;
  readonly schema: JsonSchema;
}

export interface OpenApiResponse {
  readonly description: string;
  readonly headers?: Readonly<Record<string, OpenApiHeader>>;
  readonly content?: Readonly<Record<string, OpenApiMediaType>>;
  /** On `components.responses` only: the status they are answered with. */
  readonly 'x-status'?: number;
}

export interface OpenApiComponents {
  readonly schemas: Readonly<Record<string, JsonSchema>>;
  readonly parameters: Readonly<Record<string, OpenApiParameter>>;
  /** Answers to requests that match no operation (an unknown path, a method not served). */
  readonly responses: Readonly<Record<string, OpenApiResponse>>;
  readonly securitySchemes?: Readonly<
    Record<string, { readonly type: 'apiKey'; readonly in: 'header'; readonly name: string }>
  >;
}
