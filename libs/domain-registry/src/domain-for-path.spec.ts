import { domainForPath } from './domain-for-path.js';
import { domains, lambdaImages } from './domains.js';

describe('domainForPath', () => {
  it('finds the domain that owns a base path and everything below it', () => {
    expect(domainForPath('/resources')?.name).toBe('resources');
    expect(domainForPath('/resources/123')?.name).toBe('resources');
    expect(domainForPath('/analytics/r-1')?.name).toBe('analytics');
  });

  it('matches whole segments only', () => {
    expect(domainForPath('/resourcesX')).toBeUndefined();
    expect(domainForPath('/')).toBeUndefined();
    expect(domainForPath('/unknown/resources')).toBeUndefined();
  });
});

describe('registry', () => {
  it('gives every domain a distinct name, lambda app, image and base paths', () => {
    const names = domains.map((d) => d.name);
    const apps = lambdaImages.map((l) => l.lambdaApp);
    const images = lambdaImages.map((l) => l.imageName);
    const bases = domains.flatMap((d) => d.basePaths);
    for (const list of [names, apps, images, bases]) {
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it('declares API resources inside the base paths it owns', () => {
    for (const domain of domains) {
      for (const resource of domain.apiResources) {
        expect(domainForPath(resource.replace('{proxy+}', 'x'))).toBe(domain);
      }
    }
  });
});
