// The CDK app (`cdk.json` runs it): `-c env=<dev|prod> -c features=<set>[,<set>]` plus
// `-c imageTag.<image>=<tag>` for each Lambda stack the FeatureSets include.
import { App } from 'aws-cdk-lib';
import { buildInfra } from './build-infra.js';
import { PlatformConfigError } from '@tollgate/platform-config';

const app = new App();
try {
  buildInfra(app);
} catch (error) {
  if (!(error instanceof PlatformConfigError)) throw error;
  console.error(`infra: ${error.message}`);
  process.exit(1);
}
app.synth();
