import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dockerfileEnvironment } from '../bench/dockerfile-environment.js';

describe('the environment a Dockerfile gives its image (what the cold-start bench runs with)', () => {
  it('reads every ENV form, expanding earlier variables and the base image’s', () => {
    const dockerfile = [
      'FROM public.ecr.aws/lambda/nodejs:24',
      'ENV NODE_EXTRA_CA_CERTS=/var/runtime/ca-cert.pem',
      'ENV A=1 B="two words" \\',
      '    C=${A}-$LAMBDA_TASK_ROOT',
      'ENV LEGACY some value',
      '# ENV COMMENTED=out',
      'COPY dist/ ${LAMBDA_TASK_ROOT}/',
    ].join('\n');
    expect(dockerfileEnvironment(dockerfile, { LAMBDA_TASK_ROOT: '/var/task' })).toEqual({
      NODE_EXTRA_CA_CERTS: '/var/runtime/ca-cert.pem',
      A: '1',
      B: 'two words',
      C: '1-/var/task',
      LEGACY: 'some value',
    });
  });

  it('finds no process-wide CA bundle in the resources image: pg gets the RDS CA itself', () => {
    const dockerfile = readFileSync(resolve(__dirname, '../Dockerfile'), 'utf8');
    expect(dockerfileEnvironment(dockerfile)).not.toHaveProperty('NODE_EXTRA_CA_CERTS');
    expect(dockerfile).toMatch(/^FROM public\.ecr\.aws\/lambda\/nodejs:24$/m);
  });
});
