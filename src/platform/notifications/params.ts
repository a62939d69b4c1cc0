import { z } from 'zod';

/**
 * The only values a notification may carry besides Nära's address: the time of an appointment.
 * Strict, so nothing else (a unit's name, a visit type) can be slipped in; a notification may be
 * read by someone else (a shared inbox, a lock screen).
 */
export const notificationParamsSchema = z.strictObject({
  /** The appointment's start, ISO 8601 with offset (shown as Stockholm local time). */
  startsAt: z.iso.datetime({ offset: true }).optional(),
  /**
   * An invitation to a video meeting (meeting_invitation): the link's path with its one-use
   * token, appended to Nära's address. Only this exact shape: it can carry nothing else.
   */
  invitationPath: z
    .string()
    .regex(/^\/inbjudan#[A-Za-z0-9_-]{43}$/)
    .optional(),
});
export type NotificationParams = z.infer<typeof notificationParamsSchema>;
