/** The caller's company has no resource with this id (it may exist for another company). */
export class ResourceNotFoundError extends Error {
  override readonly name = 'ResourceNotFoundError';
  constructor() {
    super('resource not found');
  }
}

/**
 * The request reached the handler without a usable `companyId` in the authorizer context: the
 * API is wired wrongly (no authorizer, or one that returns another shape). A server fault.
 */
export class CallerContextError extends Error {
  override readonly name = 'CallerContextError';
}
