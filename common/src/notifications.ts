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
  // Early warning: an appeal with a safety word (at intake), a warning raised by the scan.
  'warning.safety',
  'warning.raised',
  // Dispatch (派单): a new dispatch for a unit, a return for the dispatcher, a late one, supervision.
  'dispatch.new',
  'dispatch.returned',
  'dispatch.warning',
  'dispatch.supervised',
  // 吹哨报到: a department named by a whistle must report.
  'whistle.raised',
  // 每月一题: the unit named to lead a month's topic.
  'topic.assigned',
  // An account passed its daily look-ups of ID numbers registered elsewhere: the district admin is told.
  'idnumber.check',
  // 代办: the receipt of originals taken (SMS to the resident), a request due soon, one overdue.
  'proxy.receipt',
  'proxy.warning',
  'proxy.overdue',
  // 好差评: the one-time rating link (SMS to the resident), the answer to a 差评.
  'service.rating_link',
  'service.follow_up_answer',
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
