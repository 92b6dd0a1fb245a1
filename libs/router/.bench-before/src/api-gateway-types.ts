/**
 * The parts of API Gateway's REST proxy event (payload 1.0) and result that the router uses,
 * declared structurally: `APIGatewayProxyEvent`/`APIGatewayProxyResult` from `@types/aws-lambda`
 * fit these shapes, and consumers need no extra package.
 */
export interface ApiGatewayProxyEvent {
  readonly httpMethod: string;
  readonly path: string;
  readonly resource?: string;
  readonly headers?: { readonly [name: string]: string | undefined } | null;
  readonly multiValueHeaders?: { readonly [name: string]: readonly string[] | undefined } | null;
  readonly queryStringParameters?: { readonly [name: string]: string | undefined } | null;
  readonly multiValueQueryStringParameters?: {
    readonly [name: string]: readonly string[] | undefined;
  } | null;
  readonly pathParameters?: { readonly [name: string]: string | undefined } | null;
  readonly body?: string | null;
  readonly isBase64Encoded?: boolean;
  readonly requestContext: ApiGatewayRequestContext;
}

export interface ApiGatewayRequestContext {
  readonly requestId?: string;
  /** What a Lambda authorizer returned as `context`; API Gateway delivers every value as a string. */
  readonly authorizer?: { readonly [name: string]: unknown } | null;
}

export interface ApiGatewayProxyResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: boolean;
}

/** The parts of the Lambda context object the router reads. */
export interface LambdaContext {
  readonly awsRequestId?: string;
  readonly functionName?: string;
  getRemainingTimeInMillis?(): number;
}
