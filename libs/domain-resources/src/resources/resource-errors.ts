/** The caller's company has no resource with this id (it may exist for another company). */
export class ResourceNotFoundError extends Error {
  override readonly name = 'ResourceNotFoundError';
  constructor() {
    super('resource not found');
  }
}
