import { z } from 'zod';

// The first run of a production server (as Gitea's and Grafana's): an empty database has no
// account, the start prints a one-time link, and whoever holds it creates the district and its
// first administrator.

const username = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[A-Za-z0-9_.-]+$/);

export const SetupDistrict = z.strictObject({
  code: z.string().regex(/^\d{12}$/),
  name: z.string().trim().min(1).max(60),
});
export type SetupDistrict = z.infer<typeof SetupDistrict>;

export const SetupStatusQuery = z.strictObject({
  /** With the printed token, the answer also names a district already imported. */
  token: z.string().min(1).max(200).optional(),
});
export type SetupStatusQuery = z.infer<typeof SetupStatusQuery>;

export const SetupStatusResponse = z.object({
  /** No account exists yet. */
  needed: z.boolean(),
  /** The district area that exists already (an imported area tree); only for a valid token. */
  district: z.object({ code: z.string(), name: z.string() }).nullable(),
});
export type SetupStatusResponse = z.infer<typeof SetupStatusResponse>;

export const SetupAdmin = z.strictObject({
  username,
  name: z.string().trim().min(1).max(40),
  password: z.string().min(1).max(200),
});
export type SetupAdmin = z.infer<typeof SetupAdmin>;

export const SetupCompleteBody = z.strictObject({
  token: z.string().min(1).max(200),
  /** Required unless the district area exists already (then it is the one used). */
  district: SetupDistrict.optional(),
  admin: SetupAdmin,
});
export type SetupCompleteBody = z.infer<typeof SetupCompleteBody>;

export const SetupCompleteResponse = z.object({
  username: z.string(),
  district: z.object({ code: z.string(), name: z.string() }),
  /** Where the master key for personal data at rest is: lost, the encrypted fields are lost too. */
  secretKey: z.object({
    source: z.enum(['environment', 'file']),
    /** The key file, when the key is not given by SECRET_KEY. */
    file: z.string().nullable(),
  }),
});
export type SetupCompleteResponse = z.infer<typeof SetupCompleteResponse>;
