import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { referencePathMatch } from '@tollgate/router/testing';

/** The parts of an OpenAPI document the check reads. */
interface Document {
  readonly info: { readonly version: string };
  readonly paths: Record<string, Record<string, { readonly responses: Record<string, Response> }>>;
  readonly components: { readonly responses: Record<string, Response & { 'x-status'?: number }> };
}

interface Response {
  readonly content?: Record<string, { readonly schema: object }>;
}

/** One answer as the client saw it. */
export interface Exchange {
  readonly method: string;
  /** Path and query as requested. */
  readonly url: string;
  /** The request's X-Api-Version, if any. */
  readonly version: string | undefined;
  readonly status: number;
  readonly contentType: string | null;
  readonly body: string;
}

/**
 * Holds every answer to the API's documents: the request's version picks the document (the
 * newest when it names none), the path and method its operation (or, matching none, the
 * document's answers to unmatched requests); the status must be documented there, the content
 * type among its contents and the body valid for that content's schema.
 */
export class ContractCheck {
  private readonly ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  private readonly validators = new Map<object, ValidateFunction>();
  private checked = 0;

  private constructor(
    private readonly documents: ReadonlyMap<string, Document>,
    private readonly newest: Document,
  ) {}

  /** The documents the running API serves at `/openapi`. */
  static async load(baseUrl: string): Promise<ContractCheck> {
    const index = (await (await fetch(`${baseUrl}/openapi`)).json()) as {
      versions: { version: string; document: string }[];
    };
    const documents = new Map<string, Document>();
    for (const { version, document } of index.versions) {
      documents.set(
        version,
        (await (await fetch(`${baseUrl}/openapi/${document}`)).json()) as Document,
      );
    }
    const newest = documents.get(index.versions[0]?.version ?? '');
    if (newest === undefined) throw new Error('the API serves no OpenAPI document');
    return new ContractCheck(documents, newest);
  }

  /** How many answers were held to the documents. */
  get count(): number {
    return this.checked;
  }

  /** Every way the exchange breaks the document; empty when it keeps it. */
  violations(exchange: Exchange): string[] {
    this.checked++;
    const document = (exchange.version && this.documents.get(exchange.version)) || this.newest;
    const path = new URL(exchange.url, 'http://local').pathname;
    const where = `${exchange.method} ${exchange.url} (${document.info.version}) → ${exchange.status}`;
    // The router's choice: decoded segments, the most specific template (one path grammar).
    const template = referencePathMatch(Object.keys(document.paths), path)?.template;
    const operation =
      template === undefined
        ? undefined
        : document.paths[template]?.[exchange.method.toLowerCase()];
    const response = operation
      ? operation.responses[String(exchange.status)]
      : Object.values(document.components.responses).find(
          (answer) => answer['x-status'] === exchange.status,
        );
    if (response === undefined) {
      return [
        `${where}: status not documented ${operation ? 'for the operation' : 'for unmatched requests'}`,
      ];
    }
    const mediaType = exchange.contentType?.split(';')[0]?.trim() ?? '';
    if (response.content === undefined) {
      return exchange.body === '' ? [] : [`${where}: a body where none is documented`];
    }
    const content = response.content[mediaType];
    if (content === undefined) {
      return [
        `${where}: content type ${mediaType || 'none'} not documented (${Object.keys(response.content).join(', ')})`,
      ];
    }
    let body: unknown;
    try {
      body = JSON.parse(exchange.body);
    } catch {
      return [`${where}: the ${mediaType} body is not JSON`];
    }
    const validate = this.validator(document, content.schema);
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (error) => `${where}: body${error.instancePath} ${error.message ?? 'invalid'}`,
    );
  }

  private validator(document: Document, schema: object): ValidateFunction {
    let validate = this.validators.get(schema);
    if (validate === undefined) {
      // The document's components ride along, so `#/components/...` references resolve.
      validate = this.ajv.compile({ ...schema, components: document.components });
      this.validators.set(schema, validate);
    }
    return validate;
  }
}

const checks = new Map<string, Promise<ContractCheck>>();

/** The check of the API at `baseUrl`, its documents fetched once. */
export function contractCheckOf(baseUrl: string): Promise<ContractCheck> {
  let check = checks.get(baseUrl);
  if (check === undefined) {
    check = ContractCheck.load(baseUrl);
    checks.set(baseUrl, check);
  }
  return check;
}

/** Fails the test on the spot when an answer breaks the documents; returns the response unread. */
export async function heldToContract(
  baseUrl: string,
  request: {
    readonly method: string;
    readonly url: string;
    readonly headers: Readonly<Record<string, string>>;
  },
  response: globalThis.Response,
): Promise<globalThis.Response> {
  const version = Object.entries(request.headers).find(
    ([name]) => name.toLowerCase() === 'x-api-version',
  )?.[1];
  const exchange: Exchange = {
    method: request.method,
    url: request.url,
    version,
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: await response.clone().text(),
  };
  const violations = (await contractCheckOf(baseUrl)).violations(exchange);
  if (violations.length > 0)
    throw new Error(`the answer breaks the OpenAPI document:\n${violations.join('\n')}`);
  return response;
}

/** A printed `curl -i '<url>' -H 'X-Api-Version: …'` line and its output, as an exchange. */
export function curlExchange(baseUrl: string, curl: string, output: string): Exchange {
  const url = /curl -i '([^']+)'/.exec(curl)?.[1] ?? '';
  const [head = '', body = ''] = output.split('\r\n\r\n', 2);
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const header = (name: string) =>
    headerLines
      .find((line) => line.toLowerCase().startsWith(`${name}:`))
      ?.slice(name.length + 1)
      .trim() ?? null;
  return {
    method: 'GET',
    url: url.slice(baseUrl.length),
    version: /-H 'X-Api-Version: ([^']+)'/.exec(curl)?.[1],
    status: Number(statusLine.split(' ')[1]),
    contentType: header('content-type'),
    body,
  };
}
