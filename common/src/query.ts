import { z } from 'zod';

/** A yes/no filter in a query string, written `true` or `false` as the console sends it. */
export const QueryFlag = z.enum(['true', 'false']);
export type QueryFlag = z.infer<typeof QueryFlag>;
