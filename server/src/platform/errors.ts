import type { ErrorCode, ErrorParams } from '@lianxin/common';

/** A failure the caller can act on. The one error handler turns it into an HTTP answer. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    readonly details?: { path: string; message: string }[],
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export function notFound(): AppError {
  return new AppError('NOT_FOUND');
}
