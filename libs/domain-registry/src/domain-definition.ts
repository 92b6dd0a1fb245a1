import type { RuntimeContract } from './runtime-contract.js';

/** A Lambda the platform builds into an image and deploys on its own. */
export interface LambdaImageDefinition {
  /** The Nx project that ships the Lambda; its bundle is `dist/apps/<lambdaApp>/index.js`. */
  readonly lambdaApp: string;
  /** Image name inside the ECR repository; tags are `<repo-name>-<imageName>-<git-sha>`. */
  readonly imageName: string;
  /** Its environment in AWS and locally, and so the secrets its role may read. */
  readonly runtime: RuntimeContract;
}

/**
 * What the platform knows about a domain without importing its code: the infra app and the
 * local API route traffic and configure its Lambda from this alone, so a change inside a domain
 * never touches them.
 */
export interface DomainDefinition extends LambdaImageDefinition {
  /** Short name, also the CloudFormation/stack-friendly id: `resources`. */
  readonly name: string;
  /** Path prefixes the domain owns, each one leading segment: `/resources` owns `/resources/...`. */
  readonly basePaths: readonly string[];
  /** API Gateway resources to create for the domain (proxy integrations to its Lambda). */
  readonly apiResources: readonly string[];
  /**
   * The module (package subpath) whose `routeTable()` returns the domain's routes, handlers
   * unused: the API's OpenAPI documents are generated from it.
   */
  readonly routeTableModule?: string;
}
