import type { DeployEnvironment } from './deploy-environment.js';

/** The dev environment as the platform config describes it (ids are placeholders). */
export const devEnvironment: DeployEnvironment = {
  name: 'dev',
  project: 'tollgate',
  account: '111111111111',
  region: 'eu-west-1',
  repositoryName: 'tollgate',
  architecture: 'arm64',
};

export const sampleSha = '3f2a9c1d0b8e7f6a5c4d3e2f1a0b9c8d7e6f5a4b';
