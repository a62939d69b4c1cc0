import { inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import { careUnits } from '../../platform/organisations/tables.ts';
import { findPersonsByIds, findStaffByIds } from '../../platform/people/store.ts';
import type { Attachment, CaseEvent, CaseSummary, EventKind, PatientCase } from './contract.ts';
import { formEntries } from './forms.ts';
import { deadlineState, patientMayReply, type CaseState } from './model.ts';
import { listCaseAttachments, listEvents, type CaseRow } from './store.ts';
import type { CaseForm } from './contract.ts';

/**
 * Turns stored cases into what the API answers: names instead of ids, the thread with
 * its attachments, and what each side may see. Staff-internal steps (assignments, the
 * notes of forwards and closings) are left out of the patient's view.
 */
const internalKinds = new Set<EventKind>(['assigned']);
const kindsWithInternalNote = new Set<EventKind>(['forwarded', 'closed']);

export function stateOf(row: CaseRow): CaseState {
  return {
    status: row.status as CaseState['status'],
    origin: row.origin as CaseState['origin'],
    acknowledgeOnly: row.acknowledgeOnly,
    assignedStaffId: row.assignedStaffId,
    firstResponseAt: row.firstResponseAt,
    patientRepliesLeft: row.patientRepliesLeft,
  };
}

export async function unitNames(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tx.select({ id: careUnits.id, name: careUnits.name }).from(careUnits).where(inArray(careUnits.id, unique));
  return new Map(rows.map((row) => [row.id, row.name]));
}

export function summaryOf(row: CaseRow, unitName: string, now: Date, unread: boolean): CaseSummary {
  return {
    id: row.id,
    number: row.number,
    typeCode: row.typeCode,
    typeName: { sv: row.typeNameSv, en: row.typeNameEn },
    subject: row.subject,
    status: row.status as CaseSummary['status'],
    origin: row.origin as CaseSummary['origin'],
    unit: { id: row.unitId, name: unitName },
    receivedAt: row.receivedAt.toISOString(),
    deadlineAt: row.deadlineAt.toISOString(),
    deadlineState: deadlineState(row.deadlineAt, now, row.firstResponseAt),
    lastActivityAt: row.lastActivityAt.toISOString(),
    unread,
  };
}

const fullName = (person: { givenName: string; familyName: string }) => `${person.givenName} ${person.familyName}`;

/** The thread as one side sees it. */
export async function threadOf(tx: Tx, row: CaseRow, viewer: 'patient' | 'staff'): Promise<CaseEvent[]> {
  const events = await listEvents(tx, row.id);
  const attachments = await listCaseAttachments(tx, row.id);
  const visible = viewer === 'staff' ? events : events.filter((event) => !internalKinds.has(event.kind as EventKind));
  const personIds = visible.flatMap((event) => (event.authorPersonId ? [event.authorPersonId] : []));
  const staffIds = visible.flatMap((event) => (event.authorStaffId ? [event.authorStaffId] : []));
  const people = await findPersonsByIds(tx, [...new Set([...personIds, row.patientId])]);
  const staffMembers = await findStaffByIds(tx, [...new Set(staffIds)]);
  const units = await unitNames(
    tx,
    visible.map((event) => event.unitId),
  );
  const patient = people.find((person) => person.id === row.patientId);
  const attachmentsByEvent = new Map<string, Attachment[]>();
  for (const attachment of attachments) {
    if (!attachment.eventId) continue;
    const list = attachmentsByEvent.get(attachment.eventId) ?? [];
    list.push({ id: attachment.id, fileName: attachment.fileName, mediaType: attachment.mediaType as Attachment['mediaType'], byteSize: attachment.byteSize });
    attachmentsByEvent.set(attachment.eventId, list);
  }
  return visible.map((event) => {
    const person = people.find((candidate) => candidate.id === event.authorPersonId);
    const member = staffMembers.find((candidate) => candidate.id === event.authorStaffId);
    const author: CaseEvent['author'] = member
      ? { kind: 'staff', name: fullName(member), profession: member.profession, onBehalfOf: null }
      : {
          kind: 'person',
          name: person ? fullName(person) : '',
          profession: null,
          // A guardian or proxy wrote: the case shows for whom (C1).
          onBehalfOf: person && patient && person.id !== patient.id ? fullName(patient) : null,
        };
    const hideNote = viewer === 'patient' && kindsWithInternalNote.has(event.kind as EventKind);
    return {
      id: event.id,
      kind: event.kind as EventKind,
      body: hideNote ? null : event.body,
      data: viewer === 'patient' ? patientData(event.data) : event.data,
      author,
      unitName: units.get(event.unitId) ?? '',
      createdAt: event.createdAt.toISOString(),
      attachments: attachmentsByEvent.get(event.id) ?? [],
    };
  });
}

/** Only what a patient needs to read an event: never staff ids. */
function patientData(data: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!data) return null;
  const { outcome, method, toUnitName } = data;
  const shown = Object.fromEntries(Object.entries({ outcome, method, toUnitName }).filter(([, value]) => value !== undefined));
  return Object.keys(shown).length > 0 ? shown : null;
}

export async function caseDetailOf(tx: Tx, row: CaseRow, viewer: 'patient' | 'staff', now: Date): Promise<PatientCase> {
  const events = await threadOf(tx, row, viewer);
  const units = await unitNames(tx, [row.unitId]);
  const [patient] = await findPersonsByIds(tx, [row.patientId]);
  return {
    ...summaryOf(row, units.get(row.unitId) ?? '', now, viewer === 'patient' ? row.unreadByPatient : row.unreadByUnit),
    form: row.form,
    formEntries: formEntries(row.form as CaseForm, row.questions),
    events,
    mayReply: patientMayReply(stateOf(row)),
    patientName: patient ? fullName(patient) : '',
  };
}
