/** A request worth trying, printed as a ready-to-paste `curl` line. */
export interface CurlExample {
  readonly what: string;
  readonly path: string;
  readonly apiKey: string;
  readonly version: string;
  readonly expectedStatus: number;
}

export interface DemoIds {
  readonly fullKey: string;
  readonly listOnlyKey: string;
  /** A resource of the full key's company. */
  readonly ownResourceId: string;
  /** A resource of the list-only key's company. */
  readonly otherResourceId: string;
  readonly reportId: string;
}

/** The examples of the start banner; the end-to-end tests run them exactly as printed. */
export function demoExamples(ids: DemoIds): CurlExample[] {
  return [
    {
      what: 'company 42 lists its resources',
      path: '/resources?limit=2',
      apiKey: ids.fullKey,
      version: '2025-03-01',
      expectedStatus: 200,
    },
    {
      what: 'one resource, older (deprecated) version',
      path: `/resources/${ids.ownResourceId}`,
      apiKey: ids.fullKey,
      version: '2024-12-01',
      expectedStatus: 200,
    },
    {
      what: 'an analytics report from the external data API stand-in',
      path: `/analytics/${ids.reportId}`,
      apiKey: ids.fullKey,
      version: '2024-12-01',
      expectedStatus: 200,
    },
    {
      what: "another company's resource is not found",
      path: `/resources/${ids.otherResourceId}`,
      apiKey: ids.fullKey,
      version: '2025-03-01',
      expectedStatus: 404,
    },
    {
      what: 'company 43 may list',
      path: '/resources',
      apiKey: ids.listOnlyKey,
      version: '2025-03-01',
      expectedStatus: 200,
    },
    {
      what: '…but not read one resource',
      path: `/resources/${ids.otherResourceId}`,
      apiKey: ids.listOnlyKey,
      version: '2025-03-01',
      expectedStatus: 403,
    },
  ];
}

const shellQuote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

export function curlLine(baseUrl: string, example: CurlExample): string {
  return [
    'curl -i',
    shellQuote(`${baseUrl}${example.path}`),
    '-H',
    shellQuote(`X-Api-Key: ${example.apiKey}`),
    '-H',
    shellQuote(`X-Api-Version: ${example.version}`),
  ].join(' ');
}
