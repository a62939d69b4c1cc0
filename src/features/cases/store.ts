import { and, asc, desc, eq, gt, inArray, isNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import { persons, staff } from '../../platform/people/tables.ts';
import { caseAnswerTemplates, caseAttachments, caseEvents, cases, unitCertificateOptions } from './tables.ts';

export type CaseRow = typeof cases.$inferSelect;
export type CaseEventRow = typeof caseEvents.$inferSelect;
export type AttachmentMeta = Pick<typeof caseAttachments.$inferSelect, 'id' | 'caseId' | 'eventId' | 'fileName' | 'mediaType' | 'byteSize'>;
export type TemplateRow = typeof caseAnswerTemplates.$inferSelect;

// ---- cases ----------------------------------------------------------------------------

export async function insertCase(tx: Tx, values: typeof cases.$inferInsert): Promise<CaseRow> {
  const [row] = await tx.insert(cases).values(values).returning();
  return row!;
}

/** A case of this unit, locked for the rest of the transaction when it is about to change. */
export async function findUnitCase(tx: Tx, unitId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<CaseRow | undefined> {
  const query = tx
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), eq(cases.unitId, unitId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findPatientCase(tx: Tx, patientId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<CaseRow | undefined> {
  const query = tx
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), eq(cases.patientId, patientId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function updateCase(tx: Tx, id: string, values: Partial<typeof cases.$inferInsert>): Promise<CaseRow> {
  const [row] = await tx.update(cases).set(values).where(eq(cases.id, id)).returning();
  return row!;
}

/** A patient's cases, open first, then by latest activity. */
export async function listPatientCases(tx: Tx, patientId: string): Promise<CaseRow[]> {
  return tx
    .select()
    .from(cases)
    .where(eq(cases.patientId, patientId))
    .orderBy(sql`${cases.status} = 'closed'`, desc(cases.lastActivityAt))
    .limit(500);
}

/** Units the patient has sent cases to. */
export async function listUnitIdsOfPatientCases(tx: Tx, patientId: string): Promise<string[]> {
  const rows = await tx.selectDistinct({ unitId: cases.unitId }).from(cases).where(eq(cases.patientId, patientId));
  return rows.map((row) => row.unitId);
}

// ---- the inbox ------------------------------------------------------------------------

export type InboxFilter = {
  unitId: string;
  now: Date;
  status: 'open' | 'all' | CaseRow['status'];
  type?: string;
  /** null: unassigned; a staff id; undefined: anyone. */
  assignedStaffId?: string | null;
  deadline?: 'late' | 'due_soon' | 'on_time';
};
export type InboxCursor = { key: string; id: string };

const DAY_MS = 24 * 3600_000;

function inboxConditions(filter: InboxFilter): SQL[] {
  const conditions: SQL[] = [eq(cases.unitId, filter.unitId)];
  if (filter.status === 'open') conditions.push(ne(cases.status, 'closed'));
  else if (filter.status !== 'all') conditions.push(eq(cases.status, filter.status));
  if (filter.type) conditions.push(eq(cases.typeCode, filter.type));
  if (filter.assignedStaffId === null) conditions.push(isNull(cases.assignedStaffId));
  else if (filter.assignedStaffId) conditions.push(eq(cases.assignedStaffId, filter.assignedStaffId));
  const soon = new Date(filter.now.getTime() + DAY_MS);
  if (filter.deadline) conditions.push(isNull(cases.firstResponseAt), ne(cases.status, 'closed'));
  if (filter.deadline === 'late') conditions.push(lte(cases.deadlineAt, filter.now));
  if (filter.deadline === 'due_soon') conditions.push(gt(cases.deadlineAt, filter.now), lte(cases.deadlineAt, soon));
  if (filter.deadline === 'on_time') conditions.push(gt(cases.deadlineAt, soon));
  return conditions;
}

/**
 * One page of the unit's inbox: open cases by deadline (earliest first), closed ones (or
 * all) by latest activity; keyset-paged on (sort key, id) so a page costs the same deep in the list.
 */
export async function inboxPage(tx: Tx, filter: InboxFilter, cursor: InboxCursor | null, limit: number) {
  // Open work by deadline; closed (and everything) by what happened last.
  const byActivity = filter.status === 'closed' || filter.status === 'all';
  const sortColumn = byActivity ? cases.lastActivityAt : cases.deadlineAt;
  const conditions = inboxConditions(filter);
  const total = tx.select({ count: sql<number>`count(*)::int` }).from(cases).where(and(...conditions));
  if (cursor) {
    // A row comparison, so the index bounds the scan (an OR of the two parts would be a filter).
    const key = new Date(cursor.key);
    conditions.push(byActivity ? sql`(${sortColumn}, ${cases.id}) < (${key}, ${cursor.id})` : sql`(${sortColumn}, ${cases.id}) > (${key}, ${cursor.id})`);
  }
  const assigned = sql<string | null>`(select ${staff.givenName} || ' ' || ${staff.familyName} from ${staff} where ${staff.id} = ${cases.assignedStaffId})`;
  const rows = tx
    .select({
      case: cases,
      patient: { id: persons.id, givenName: persons.givenName, familyName: persons.familyName, identityNumber: persons.identityNumber, protectedIdentity: persons.protectedIdentity },
      assignedName: assigned,
    })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.patientId))
    .where(and(...conditions))
    .orderBy(byActivity ? desc(sortColumn) : asc(sortColumn), byActivity ? desc(cases.id) : asc(cases.id))
    .limit(limit + 1);
  const [counted] = await total;
  const found = await rows;
  const hasMore = found.length > limit;
  const items = found.slice(0, limit);
  const last = items.at(-1);
  const nextCursor = hasMore && last ? { key: (byActivity ? last.case.lastActivityAt : last.case.deadlineAt).toISOString(), id: last.case.id } : null;
  return { items, total: counted?.count ?? 0, nextCursor };
}

/** The unit start page's counts (C3), in one pass over the unit's open cases. */
export async function inboxCounts(tx: Tx, unitId: string, staffId: string, now: Date) {
  const soon = new Date(now.getTime() + DAY_MS);
  const unanswered = sql`${cases.firstResponseAt} is null`;
  const [row] = await tx
    .select({
      open: sql<number>`count(*)::int`,
      unassigned: sql<number>`(count(*) filter (where ${cases.assignedStaffId} is null))::int`,
      mine: sql<number>`(count(*) filter (where ${cases.assignedStaffId} = ${staffId}))::int`,
      dueSoon: sql<number>`(count(*) filter (where ${unanswered} and ${cases.deadlineAt} > ${now} and ${cases.deadlineAt} <= ${soon}))::int`,
      late: sql<number>`(count(*) filter (where ${unanswered} and ${cases.deadlineAt} <= ${now}))::int`,
      awaitingPatient: sql<number>`(count(*) filter (where ${cases.status} = 'awaiting_patient'))::int`,
    })
    .from(cases)
    .where(and(eq(cases.unitId, unitId), ne(cases.status, 'closed')));
  return row!;
}

// ---- events ---------------------------------------------------------------------------

export async function insertEvent(tx: Tx, values: typeof caseEvents.$inferInsert): Promise<CaseEventRow> {
  const [row] = await tx.insert(caseEvents).values(values).returning();
  return row!;
}

export async function listEvents(tx: Tx, caseId: string): Promise<CaseEventRow[]> {
  return tx.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq));
}

// ---- attachments ----------------------------------------------------------------------

const attachmentMeta = {
  id: caseAttachments.id,
  caseId: caseAttachments.caseId,
  eventId: caseAttachments.eventId,
  fileName: caseAttachments.fileName,
  mediaType: caseAttachments.mediaType,
  byteSize: caseAttachments.byteSize,
};

export async function insertAttachment(tx: Tx, values: typeof caseAttachments.$inferInsert): Promise<AttachmentMeta> {
  const [row] = await tx.insert(caseAttachments).values(values).returning(attachmentMeta);
  return row!;
}

/**
 * Binds uploaded files to the message that carries them. Only files this uploader made
 * for this patient and not yet sent qualify; returns how many were bound.
 */
export async function bindAttachments(
  tx: Tx,
  ids: string[],
  owner: { patientId: string; personId?: string; staffId?: string },
  target: { caseId: string; eventId: string },
): Promise<number> {
  if (ids.length === 0) return 0;
  const uploader = owner.personId ? eq(caseAttachments.uploadedByPersonId, owner.personId) : eq(caseAttachments.uploadedByStaffId, owner.staffId!);
  const rows = await tx
    .update(caseAttachments)
    .set(target)
    .where(and(inArray(caseAttachments.id, ids), eq(caseAttachments.patientId, owner.patientId), uploader, isNull(caseAttachments.caseId)))
    .returning({ id: caseAttachments.id });
  return rows.length;
}

export async function listCaseAttachments(tx: Tx, caseId: string): Promise<AttachmentMeta[]> {
  return tx.select(attachmentMeta).from(caseAttachments).where(eq(caseAttachments.caseId, caseId)).orderBy(asc(caseAttachments.createdAt));
}

export async function readAttachment(tx: Tx, caseId: string, attachmentId: string) {
  const [row] = await tx
    .select({ ...attachmentMeta, content: caseAttachments.content })
    .from(caseAttachments)
    .where(and(eq(caseAttachments.id, attachmentId), eq(caseAttachments.caseId, caseId)));
  return row;
}

// ---- answer templates and certificates --------------------------------------------------

export async function listTemplates(tx: Tx, unitId: string, onlyActive: boolean): Promise<TemplateRow[]> {
  const conditions = [eq(caseAnswerTemplates.unitId, unitId)];
  if (onlyActive) conditions.push(eq(caseAnswerTemplates.active, true));
  return tx
    .select()
    .from(caseAnswerTemplates)
    .where(and(...conditions))
    .orderBy(asc(caseAnswerTemplates.title));
}

export async function insertTemplate(tx: Tx, values: typeof caseAnswerTemplates.$inferInsert): Promise<TemplateRow> {
  const [row] = await tx.insert(caseAnswerTemplates).values(values).returning();
  return row!;
}

export async function updateTemplate(tx: Tx, unitId: string, id: string, values: Partial<typeof caseAnswerTemplates.$inferInsert>): Promise<TemplateRow | undefined> {
  const [row] = await tx
    .update(caseAnswerTemplates)
    .set(values)
    .where(and(eq(caseAnswerTemplates.id, id), eq(caseAnswerTemplates.unitId, unitId)))
    .returning();
  return row;
}

export async function findCertificates(tx: Tx, unitId: string): Promise<string[]> {
  const [row] = await tx.select().from(unitCertificateOptions).where(eq(unitCertificateOptions.unitId, unitId));
  return row?.certificates ?? [];
}

export async function saveCertificates(tx: Tx, unitId: string, certificates: string[], at: Date, staffId: string | null): Promise<void> {
  const values = { unitId, certificates, updatedAt: at, updatedByStaffId: staffId };
  await tx.insert(unitCertificateOptions).values(values).onConflictDoUpdate({ target: unitCertificateOptions.unitId, set: values });
}
