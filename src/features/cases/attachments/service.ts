import { createHash } from 'node:crypto';
import { accessPatient } from '../../../platform/access/access.ts';
import type { Actor, CitizenActor, StaffActor } from '../../../platform/auth/actor.ts';
import type { ServiceContext } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { MAX_ATTACHMENT_BYTES, type Attachment } from '../contract.ts';
import { caseErrors } from '../errors.ts';
import { findPatientCase, findUnitCase, insertAttachment, readAttachment, type CaseRow } from '../store.ts';
import { assertMayHandleCases } from '../patient-service.ts';
import { cleanFileName, sniffMediaType } from './sniff.ts';

/**
 * Photos and PDFs in a case (C1): stored in the database with the case (so a backup
 * holds everything and a transaction binds a file to its message), typed by content.
 */
export type Upload = { bytes: Uint8Array; fileName: string | undefined };

function checked(upload: Upload) {
  if (upload.bytes.length === 0) throw caseErrors.emptyFile();
  if (upload.bytes.length > MAX_ATTACHMENT_BYTES) throw caseErrors.fileTooLarge(MAX_ATTACHMENT_BYTES);
  const mediaType = sniffMediaType(upload.bytes);
  if (!mediaType) throw caseErrors.fileTypeNotAllowed();
  return { mediaType, fileName: cleanFileName(upload.fileName, mediaType), sha256: createHash('sha256').update(upload.bytes).digest('hex') };
}

async function store(tx: Tx, context: ServiceContext, actor: Actor, patientId: string, upload: Upload, uploader: { personId?: string; staffId?: string }): Promise<Attachment> {
  const file = checked(upload);
  const row = await insertAttachment(tx, {
    patientId,
    uploadedByPersonId: uploader.personId ?? null,
    uploadedByStaffId: uploader.staffId ?? null,
    fileName: file.fileName,
    mediaType: file.mediaType,
    byteSize: upload.bytes.length,
    sha256: file.sha256,
    content: upload.bytes,
    createdAt: context.clock.now(),
  });
  await accessPatient(tx, context, actor, patientId, { action: 'create', objectType: 'case_attachment', objectId: row.id });
  return { id: row.id, fileName: row.fileName, mediaType: row.mediaType as Attachment['mediaType'], byteSize: row.byteSize };
}

/** A patient uploads a file while writing; it joins the case when the message is sent. */
export async function uploadAsPatient(context: ServiceContext, actor: CitizenActor, upload: Upload): Promise<Attachment> {
  return context.db.transaction(async (tx) => {
    await assertMayHandleCases(tx, actor, context.clock.now());
    return store(tx, context, actor, actor.subjectPersonId, upload, { personId: actor.personId });
  });
}

/** Staff upload a file to attach to their next message in a case of their unit. */
export async function uploadAsStaff(context: ServiceContext, actor: StaffActor, caseId: string, upload: Upload): Promise<Attachment> {
  return context.db.transaction(async (tx) => {
    const row = actor.unitId ? await findUnitCase(tx, actor.unitId, caseId) : undefined;
    if (!row) throw caseErrors.caseNotFound();
    return store(tx, context, actor, row.patientId, upload, { staffId: actor.staffId });
  });
}

async function download(tx: Tx, context: ServiceContext, actor: Actor, row: CaseRow | undefined, attachmentId: string) {
  if (!row) throw caseErrors.caseNotFound();
  const file = await readAttachment(tx, row.id, attachmentId);
  if (!file) throw caseErrors.caseNotFound();
  await accessPatient(tx, context, actor, row.patientId, { action: 'read', objectType: 'case_attachment', objectId: file.id });
  return file;
}

export async function downloadAsPatient(context: ServiceContext, actor: CitizenActor, caseId: string, attachmentId: string) {
  return context.db.transaction(async (tx) => {
    await assertMayHandleCases(tx, actor, context.clock.now());
    return download(tx, context, actor, await findPatientCase(tx, actor.subjectPersonId, caseId), attachmentId);
  });
}

export async function downloadAsStaff(context: ServiceContext, actor: StaffActor, caseId: string, attachmentId: string) {
  return context.db.transaction(async (tx) => download(tx, context, actor, actor.unitId ? await findUnitCase(tx, actor.unitId, caseId) : undefined, attachmentId));
}
