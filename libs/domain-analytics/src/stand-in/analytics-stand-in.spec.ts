import { reportSchema } from '../report.js';
import { analyticsStandInToken, simulatedFailures, startAnalyticsStandIn, type AnalyticsStandIn } from './analytics-stand-in.js';

let standIn: AnalyticsStandIn;
beforeAll(async () => {
  standIn = await startAnalyticsStandIn();
});
afterAll(() => standIn.close());

const auth = { authorization: `Bearer ${analyticsStandInToken}` };
const get = (path: string, headers: Record<string, string> = auth, signal?: AbortSignal) =>
  fetch(`${standIn.url}${path}`, { headers, signal });

describe('analytics stand-in', () => {
  it('listens on a free local port by default', () => {
    expect(standIn.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it.each([
    ['42', 'daily-usage'],
    ['42', 'monthly-summary'],
    ['43', 'daily-usage'],
    ['43', 'monthly-summary'],
  ])('serves company %s its %s report, valid by the report schema', async (companyId, reportId) => {
    const response = await get(`/companies/${companyId}/reports/${reportId}`);

    expect(response.status).toBe(200);
    const report = reportSchema.parse(await response.json());
    expect(report).toMatchObject({ companyId, reportId });
  });

  it('serves different figures to different companies', async () => {
    const of = async (companyId: string) => (await get(`/companies/${companyId}/reports/daily-usage`)).json();
    expect(await of('42')).not.toEqual(await of('43'));
  });

  it('requires the bearer token', async () => {
    expect((await get('/companies/42/reports/daily-usage', {})).status).toBe(401);
    expect((await get('/companies/42/reports/daily-usage', { authorization: 'Bearer wrong' })).status).toBe(401);
  });

  it('accepts a token of the caller’s choosing', async () => {
    const custom = await startAnalyticsStandIn({ token: 'custom' });
    try {
      const response = await fetch(`${custom.url}/companies/42/reports/daily-usage`, {
        headers: { authorization: 'Bearer custom' },
      });
      expect(response.status).toBe(200);
    } finally {
      await custom.close();
    }
  });

  it('answers 404 for an unknown report, company or path, 400 for a bad encoding, 405 for other methods', async () => {
    expect((await get('/companies/42/reports/nope')).status).toBe(404);
    expect((await get('/companies/44/reports/daily-usage')).status).toBe(404);
    expect((await get('/reports/daily-usage')).status).toBe(404);
    expect((await get('/companies/42/reports/%E0%A4%A')).status).toBe(400);
    expect((await fetch(`${standIn.url}/companies/42/reports/daily-usage`, { method: 'POST', headers: auth })).status).toBe(405);
  });

  it('simulates a failing upstream with a 500 whose body holds internals', async () => {
    const response = await get(`/companies/42/reports/${simulatedFailures.serverError}`);
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('db.query');
  });

  it('simulates an upstream that never answers', async () => {
    await expect(get(`/companies/42/reports/${simulatedFailures.noAnswer}`, auth, AbortSignal.timeout(100))).rejects.toThrow();
  });

  it('simulates a malformed payload', async () => {
    const response = await get(`/companies/42/reports/${simulatedFailures.malformed}`);
    expect(response.status).toBe(200);
    expect(reportSchema.safeParse(await response.json()).success).toBe(false);
  });

  it('simulates a valid report of another company', async () => {
    const report = reportSchema.parse(await (await get(`/companies/42/reports/${simulatedFailures.wrongCompany}`)).json());
    expect(report.companyId).not.toBe('42');
  });

  it('closes even while a request is left unanswered', async () => {
    const other = await startAnalyticsStandIn();
    const pending = fetch(`${other.url}/companies/42/reports/${simulatedFailures.noAnswer}`, { headers: auth });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await other.close();
    await expect(pending).rejects.toThrow();
  });
});
