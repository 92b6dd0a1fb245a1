import {
  GetFunctionCommand,
  LambdaClient,
  ResourceConflictException,
  UpdateFunctionCodeCommand,
} from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { rollbackFunction } from './rollback-function.js';

const lambda = mockClient(LambdaClient);
const client = new LambdaClient({
  region: 'eu-west-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});
const target = {
  functionName: 'tollgate-dev-resources',
  imageUri: '111111111111.dkr.ecr.eu-west-1.amazonaws.com/tollgate:tollgate-resources-0123abc',
};
const resolved = '111111111111.dkr.ecr.eu-west-1.amazonaws.com/tollgate@sha256:' + 'a'.repeat(64);
const fastWait = { maxWaitSeconds: 2, minDelaySeconds: 0.01, maxDelaySeconds: 0.02 };

const status = (LastUpdateStatus: 'InProgress' | 'Successful' | 'Failed', extra = {}) => ({
  Configuration: {
    FunctionName: target.functionName,
    State: 'Active' as const,
    LastUpdateStatus,
    ...extra,
  },
  Code: { RepositoryType: 'ECR', ImageUri: target.imageUri, ResolvedImageUri: resolved },
});

beforeEach(() => lambda.reset());

describe('rollbackFunction', () => {
  it('points the function at the image with one UpdateFunctionCode and waits until the update succeeded', async () => {
    lambda.on(UpdateFunctionCodeCommand).resolves({ LastUpdateStatus: 'InProgress' });
    lambda
      .on(GetFunctionCommand)
      .resolvesOnce(status('InProgress'))
      .resolvesOnce(status('InProgress'))
      .resolves(status('Successful'));

    await expect(rollbackFunction(client, target, fastWait)).resolves.toEqual({
      functionName: target.functionName,
      imageUri: target.imageUri,
      resolvedImageUri: resolved,
    });

    const updates = lambda.commandCalls(UpdateFunctionCodeCommand);
    expect(updates).toHaveLength(1);
    expect(updates[0]?.args[0].input).toEqual({
      FunctionName: target.functionName,
      ImageUri: target.imageUri,
    });
    // three polls until Successful, then the read of the resolved digest
    expect(lambda.commandCalls(GetFunctionCommand)).toHaveLength(4);
  });

  it('reports an update that failed, with Lambda reason', async () => {
    lambda.on(UpdateFunctionCodeCommand).resolves({ LastUpdateStatus: 'InProgress' });
    lambda
      .on(GetFunctionCommand)
      .resolves(status('Failed', { LastUpdateStatusReason: 'Image not found in repository' }));

    await expect(rollbackFunction(client, target, fastWait)).rejects.toThrow(
      `tollgate-dev-resources did not take ${target.imageUri}: LastUpdateStatus Failed (Image not found in repository)`,
    );
    expect(lambda.commandCalls(UpdateFunctionCodeCommand)).toHaveLength(1);
  });

  it('gives up after the wait limit when the update is still in progress', async () => {
    lambda.on(UpdateFunctionCodeCommand).resolves({ LastUpdateStatus: 'InProgress' });
    lambda.on(GetFunctionCommand).resolves(status('InProgress'));

    await expect(
      rollbackFunction(client, target, { ...fastWait, maxWaitSeconds: 0.1 }),
    ).rejects.toThrow('tollgate-dev-resources is still updating after 0.1 s');
  });

  it('reports a refused UpdateFunctionCode and waits for nothing', async () => {
    lambda.on(UpdateFunctionCodeCommand).rejects(
      new ResourceConflictException({
        message: 'An update is in progress for resource',
        $metadata: {},
      }),
    );

    await expect(rollbackFunction(client, target, fastWait)).rejects.toThrow(
      'UpdateFunctionCode on tollgate-dev-resources refused: ResourceConflictException: An update is in progress for resource',
    );
    expect(lambda.commandCalls(GetFunctionCommand)).toHaveLength(0);
  });
});
