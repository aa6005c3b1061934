/** Stable codes of the registry's HTTP errors; the CLI and scripts switch on them. */
export enum RegistryErrorCode {
  BAD_REQUEST = 'BAD_REQUEST',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  ADMIN_DISABLED = 'ADMIN_DISABLED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

const STATUS: Record<RegistryErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ADMIN_DISABLED: 503,
  INTERNAL_SERVER_ERROR: 500,
};

/** An error the API answers with as `{ error: { code, message } }`; the message says what to do next. */
export class RegistryError extends Error {
  override name = 'RegistryError';
  constructor(
    readonly code: RegistryErrorCode,
    message: string,
  ) {
    super(message);
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export const badRequest = (message: string) => new RegistryError(RegistryErrorCode.BAD_REQUEST, message);
export const forbidden = (message: string) => new RegistryError(RegistryErrorCode.FORBIDDEN, message);
export const notFound = (message: string) => new RegistryError(RegistryErrorCode.NOT_FOUND, message);
