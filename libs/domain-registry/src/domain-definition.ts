/**
 * What the platform knows about a domain without importing its code: the infra app and the
 * local API route traffic from this alone, so a change inside a domain never touches them.
 */
export interface DomainDefinition {
  /** Short name, also the CloudFormation/stack-friendly id: `resources`. */
  readonly name: string;
  /** The Nx project that ships the domain's Lambda; its bundle is `dist/apps/<lambdaApp>/index.js`. */
  readonly lambdaApp: string;
  /** Image name inside the ECR repository; tags are `<repo-name>-<imageName>-<git-sha>`. */
  readonly imageName: string;
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

/** A Lambda that is not a domain but ships the same way (the authorizer). */
export interface LambdaImageDefinition {
  readonly lambdaApp: string;
  readonly imageName: string;
}
