import { AppError } from './errors';

/** An opaque keyset cursor: the sort key of the last row of a page. */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Reads a cursor made by `encodeCursor` with `length` parts; anything else is a 400. */
export function decodeCursor(text: string, length: number): string[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === length && value.every((v) => typeof v === 'string'))
      return value as string[];
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION_FAILED', {}, [{ path: 'querystring.cursor', message: 'cursor' }]);
}
