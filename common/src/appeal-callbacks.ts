import { z } from 'zod';
import { appealRatings } from './appeals';
import { RecordVersion } from './versions';

// The callback (回访) after an appeal is resolved.

const text = (max: number) => z.string().trim().max(max);

export const CallbackBody = z
  .strictObject({
    version: RecordVersion,
    /** Required when the resident was reached. */
    rating: z.enum(appealRatings).optional(),
    comment: text(1000).default(''),
    /** The resident could not be reached: the callback stays open. */
    reached: z.boolean().default(true),
  })
  .superRefine((body, ctx) => {
    if (body.reached && !body.rating)
      ctx.addIssue({ code: 'custom', path: ['rating'], message: 'appeal.rating' });
  });
export type CallbackBody = z.infer<typeof CallbackBody>;

export const CallbackTask = z.object({
  id: z.string(),
  appealId: z.string(),
  trackingCode: z.string(),
  title: z.string(),
  villageName: z.string(),
  handlerName: z.string().nullable(),
  resolvedAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  attempts: z.number(),
});
export type CallbackTask = z.infer<typeof CallbackTask>;
