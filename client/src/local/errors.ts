/** A CodeDeploy service exception as the real service sends it: `{"__type": name, "message": text}`, HTTP 400. */
export class ServiceError extends Error {
  constructor(
    /** The exception name from the CodeDeploy model, e.g. `ApplicationDoesNotExistException`. */
    readonly type: string,
    message: string,
    readonly httpStatus = 400,
  ) {
    super(message);
    this.name = type;
  }
}

export function fail(type: string, message: string): never {
  throw new ServiceError(type, message);
}
