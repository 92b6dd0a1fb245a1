import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Report } from '../report.js';
import { demoReports } from './demo-reports.js';

export interface AnalyticsStandInOptions {
  /** Default 0: any free port. */
  readonly port?: number;
  readonly host?: string;
  /** The bearer token callers must send. Default `analyticsStandInToken`. */
  readonly token?: string;
}

export interface AnalyticsStandIn {
  /** Base URL to use as `ANALYTICS_API_URL`, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Stops the server, dropping requests it was deliberately leaving unanswered. */
  close(): Promise<void>;
}

export const analyticsStandInToken = 'local-analytics-token';

/**
 * Report ids that make the stand-in misbehave, for any company, so that end-to-end tests can
 * drive every failure path of the client.
 */
export const simulatedFailures = {
  /** Always 500, with a body holding internals that must never be passed on. */
  serverError: 'upstream-failure',
  /** Never answers: the client's timeout decides. */
  noAnswer: 'upstream-timeout',
  /** 200 with a body that is not a valid report. */
  malformed: 'malformed',
  /** 200 with a valid report of another company: a scoping bug upstream. */
  wrongCompany: 'wrong-company',
} as const;

const wrongCompanyReport: Report = {
  reportId: simulatedFailures.wrongCompany,
  companyId: '0',
  title: 'Somebody else’s report',
  generatedAt: '2026-11-23T00:00:00.000Z',
  metrics: [{ name: 'requests', value: 1 }],
};

const reportPath = /^\/companies\/([^/]+)\/reports\/([^/]+)$/;

/**
 * Starts a local stand-in for the external data API (`GET /companies/{companyId}/reports/{reportId}`,
 * bearer token required) serving `demoReports`, for the local API and for tests.
 */
export async function startAnalyticsStandIn(options: AnalyticsStandInOptions = {}): Promise<AnalyticsStandIn> {
  const token = options.token ?? analyticsStandInToken;
  const host = options.host ?? '127.0.0.1';
  const server = createServer((request, response) => answer(request, response, token));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function answer(request: IncomingMessage, response: ServerResponse, token: string): void {
  const match = reportPath.exec(new URL(request.url ?? '/', 'http://stand-in').pathname);
  if (request.method !== 'GET') return sendJson(response, 405, { message: 'method not allowed' });
  if (!match) return sendJson(response, 404, { message: 'no such resource' });
  if (request.headers.authorization !== `Bearer ${token}`) return sendJson(response, 401, { message: 'bad token' });
  const companyId = decodeSegment(match[1]);
  const reportId = decodeSegment(match[2]);
  if (companyId === undefined || reportId === undefined) return sendJson(response, 400, { message: 'bad encoding' });
  switch (reportId) {
    case simulatedFailures.serverError:
      return sendJson(response, 500, { message: 'simulated failure', internal: 'at db.query (/srv/reports.js:12)' });
    case simulatedFailures.noAnswer:
      return; // left open until the client gives up or the stand-in closes
    case simulatedFailures.malformed:
      return sendJson(response, 200, { reportId, companyId, title: 7, metrics: 'lots' });
    case simulatedFailures.wrongCompany:
      return sendJson(response, 200, { ...wrongCompanyReport, reportId, companyId: `${companyId}0` });
  }
  const report = demoReports.find((r) => r.companyId === companyId && r.reportId === reportId);
  if (!report) return sendJson(response, 404, { message: `no report ${reportId} for company ${companyId}` });
  sendJson(response, 200, report);
}

function decodeSegment(segment: string | undefined): string | undefined {
  try {
    return decodeURIComponent(segment ?? '');
  } catch {
    return undefined;
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
