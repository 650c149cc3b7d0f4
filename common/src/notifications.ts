import { z } from 'zod';

// Notifications (outbox).

export const notificationKinds = [
  'appeal.new',
  'appeal.warning',
  'appeal.escalated',
  'appeal.resolved',
  'callback.overdue',
  // A code proving a resident's phone (platform/verification); its text is masked under the SMS driver.
  'verification.code',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];
export const notificationStatuses = ['pending', 'sent', 'failed'] as const;

export const Notification = z.object({
  id: z.string(),
  kind: z.enum(notificationKinds),
  areaCode: z.string().nullable(),
  recipient: z.string(),
  message: z.string(),
  appealId: z.string().nullable(),
  status: z.enum(notificationStatuses),
  attempts: z.number(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;
