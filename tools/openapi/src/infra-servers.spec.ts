import { infraServers, serversOf } from './infra-servers.js';

describe('servers', () => {
  it('are each infra environment’s custom domain', () => {
    const servers = infraServers();
    expect(servers.length).toBeGreaterThanOrEqual(1);
    for (const server of servers) {
      expect(server.url).toMatch(/^https:\/\/[a-z0-9.-]+$/);
      expect(server.description).toMatch(/^\w+ \(stage \w+\)$/);
    }
  });

  it('refuse an environment without a domain', () => {
    expect(() => serversOf({ dev: { api: { stageName: 'v1' } } })).toThrow(/domain/);
    expect(
      serversOf({ dev: { domain: { domainName: 'api.example.com' }, api: { stageName: 'v1' } } }),
    ).toEqual([{ url: 'https://api.example.com', description: 'dev (stage v1)' }]);
  });
});
