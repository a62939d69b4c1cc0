import { recordAudit } from '../audit/audit.ts';
import type { CitizenActor } from '../auth/actor.ts';
import type { ServiceContext } from '../context.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { ContactDetails, ContactDetailsUpdate, SinkDelivery } from './contract.ts';
import { normaliseEmail, normaliseSwedishMobile } from './model.ts';
import type { NotificationParams } from './params.ts';
import { findContactDetails, listDeliveredBy, saveContactDetails, type ContactDetailsRow } from './store.ts';
import { isTemplateCode, renderNotification } from './templates.ts';
import { SINK_NAME } from './transports/sink.ts';

function toContactDetails(row: ContactDetailsRow | null): ContactDetails {
  return {
    email: row?.email ?? null,
    mobile: row?.mobile ?? null,
    notifyByEmail: row?.notifyByEmail ?? false,
    notifyBySms: row?.notifyBySms ?? false,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** The citizen's own contact details: always the logged-in person, also while acting for a child or a principal. */
export async function getContactDetails(context: ServiceContext, actor: CitizenActor): Promise<ContactDetails> {
  return toContactDetails(await findContactDetails(context.db, actor.personId));
}

const addressRequired = {
  email: () =>
    new AppError(
      'contact_address_required',
      422,
      { sv: 'Ange en e-postadress för att få aviseringar via e-post.', en: 'Enter an e-mail address to get notifications by e-mail.' },
      { channel: 'email' },
    ),
  sms: () =>
    new AppError(
      'contact_address_required',
      422,
      { sv: 'Ange ett mobilnummer för att få aviseringar via sms.', en: 'Enter a mobile number to get notifications by SMS.' },
      { channel: 'sms' },
    ),
};

/**
 * Saves the citizen's own contact details. Addresses are normalised (mobile numbers to
 * +467…); a channel cannot be on without its address. The audit row names the changed
 * fields, never the addresses.
 */
export async function updateContactDetails(context: ServiceContext, actor: CitizenActor, update: ContactDetailsUpdate): Promise<ContactDetails> {
  return context.db.transaction(async (tx) => {
    const existing = await findContactDetails(tx, actor.personId);
    const email = update.email === undefined ? (existing?.email ?? null) : update.email === null ? null : normaliseEmail(update.email);
    const mobile = update.mobile === undefined ? (existing?.mobile ?? null) : update.mobile === null ? null : normaliseSwedishMobile(update.mobile);
    if (update.notifyByEmail && !email) throw addressRequired.email();
    if (update.notifyBySms && !mobile) throw addressRequired.sms();
    const next: ContactDetailsRow = {
      personId: actor.personId,
      email,
      mobile,
      notifyByEmail: update.notifyByEmail,
      notifyBySms: update.notifyBySms,
      updatedAt: context.clock.now(),
    };
    const before = toContactDetails(existing);
    const changed = (['email', 'mobile', 'notifyByEmail', 'notifyBySms'] as const).filter((field) => before[field] !== next[field]);
    const saved = await saveContactDetails(tx, next);
    // The person's own details: recorded as acting for themselves even while acting for someone else.
    await recordAudit(tx, context, { ...actor, subjectPersonId: actor.personId }, {
      action: existing ? 'update' : 'create',
      objectType: 'contact_details',
      objectId: actor.personId,
      patientId: actor.personId,
      reason: changed.length > 0 ? `changed: ${changed.join(', ')}` : 'unchanged',
    });
    return toContactDetails(saved);
  });
}

export const SINK_PAGE_SIZE = 50;

/** A row the sink took is shown even when its text cannot be rendered (an old template, say). */
function renderForPage(template: string, channel: 'email' | 'sms', publicUrl: string, params: NotificationParams | null) {
  try {
    if (isTemplateCode(template)) return renderNotification(template, channel, { publicUrl, params });
  } catch {
    // Shown by its code, below.
  }
  return { subject: null, text: `(${template})` };
}

/** Demo mode: the latest notifications the development sink took, with the texts the patient would have got. */
export async function listSinkDeliveries(db: Database, publicUrl: string): Promise<SinkDelivery[]> {
  const rows = await listDeliveredBy(db, SINK_NAME, SINK_PAGE_SIZE);
  return rows.map((row) => {
    const channel = row.channel === 'sms' ? 'sms' : 'email';
    const rendered = renderForPage(row.template, channel, publicUrl, row.params);
    return { id: row.id, channel, address: row.address, subject: rendered.subject, text: rendered.text, sentAt: (row.sentAt ?? new Date(0)).toISOString() };
  });
}
