import { z } from 'zod';

/**
 * The version a client read, sent back with an edit (optimistic concurrency: a stale one is a 409).
 * Versions are 32-bit integers on PostgreSQL, and the edit stores the next one: that must fit too.
 */
export const RecordVersion = z
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 2);
