import { STOCKHOLM, stockholmDate } from '../../lib/stockholm-time.ts';
import { professionLabel } from '../../lib/professions.ts';
import type { CaseEvent, EventKind, StaffCase } from './contract.ts';

/**
 * C6: a case as structured text to paste into the medical record — who, what, when,
 * the patient's answers and every message — in Swedish, as the record is kept. Pure.
 */
const when = new Intl.DateTimeFormat('sv-SE', { timeZone: STOCKHOLM, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
const at = (iso: string) => when.format(new Date(iso));

const eventLabels: Record<EventKind, string> = {
  request: 'Ärendet inkom',
  patient_reply: 'Från patienten',
  counter_question: 'Motfråga',
  partial_answer: 'Delsvar',
  final_answer: 'Slutsvar',
  acknowledged: 'Kvitterat',
  contact_recorded: 'Kontakt registrerad',
  staff_message: 'Meddelande till patienten',
  chat_message: 'Chatt',
  triage: 'Bedömning i Sök vård',
  assigned: 'Tilldelat',
  forwarded: 'Vidarebefordrat',
  closed: 'Avslutat',
};

export const statusLabels: Record<StaffCase['status'], string> = {
  received: 'Inkommet',
  assigned: 'Tilldelat',
  awaiting_patient: 'Väntar på patienten',
  partially_answered: 'Delsvar skickat',
  closed: 'Avslutat',
};

export const outcomeLabels: Record<string, string> = {
  answered: 'Besvarat',
  appointment_booked: 'Tid bokad',
  referred: 'Remitterat',
  prescription_renewed: 'Recept förnyat',
  certificate_issued: 'Intyg utfärdat',
  no_action_needed: 'Ingen åtgärd behövs',
  duplicate: 'Dubblett',
  other: 'Annat',
};

const contactMethodLabels: Record<string, string> = { phone: 'telefon', video: 'video', visit: 'besök', letter: 'brev', no_answer: 'nåddes inte' };

function formatIdentityNumber(identityNumber: string): string {
  return identityNumber.length === 12 ? `${identityNumber.slice(0, 8)}-${identityNumber.slice(8)}` : identityNumber;
}

function authorOf(event: CaseEvent): string {
  const { author } = event;
  if (author.kind === 'staff') return author.profession ? `${author.name}, ${professionLabel(author.profession, 'sv').toLocaleLowerCase('sv-SE')}` : author.name;
  return author.onBehalfOf ? `${author.name} för ${author.onBehalfOf}` : author.name;
}

function eventDetail(event: CaseEvent): string {
  const data = event.data ?? {};
  switch (event.kind) {
    case 'assigned':
      return `till ${String(data.staffName ?? '')}`;
    case 'forwarded':
      return `från ${String(data.fromUnitName ?? '')} till ${String(data.toUnitName ?? '')}`;
    case 'closed':
      return `utfall: ${outcomeLabels[String(data.outcome)] ?? String(data.outcome ?? '')}`;
    case 'contact_recorded':
      return `via ${contactMethodLabels[String(data.method)] ?? String(data.method ?? '')}`;
    default:
      return '';
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

/** Deadlines fall at midnight: "senast 2026-11-25 kl. 24.00" reads right, "2026-11-26 00:00" misleads. */
function deadlineText(iso: string): string {
  const deadline = new Date(iso);
  const local = at(iso);
  return local.endsWith('00:00') ? `${stockholmDate(new Date(deadline.getTime() - 1))} kl. 24.00` : local;
}

function deadlineLine(view: StaffCase): string {
  const deadline = `senast ${deadlineText(view.deadlineAt)}`;
  switch (view.deadlineState) {
    case 'met':
      return `${deadline} – besvarat i tid`;
    case 'met_late':
      return `${deadline} – besvarat efter svarstiden`;
    case 'late':
      return `${deadline} – försenat, inte besvarat`;
    default:
      return `${deadline} – inte besvarat ännu`;
  }
}

export function recordSummary(view: StaffCase): string {
  const lines: string[] = [];
  lines.push(`Ärende ${view.number} i Nära – ${view.typeName.sv} (${view.unit.name})`);
  lines.push(`Ämne: ${view.subject}`);
  lines.push(`Patient: ${view.patient.name}, ${formatIdentityNumber(view.patient.identityNumber)}`);
  lines.push(`Inkom: ${at(view.receivedAt)}${view.origin === 'staff' ? ' (startat av vården)' : ''}`);
  if (view.termsVersion !== null) lines.push(`Villkor: version ${view.termsVersion} godkända av patienten`);
  lines.push(`Svarstid: ${deadlineLine(view)}`);
  lines.push(`Status: ${statusLabels[view.status]}${view.outcome ? ` (${outcomeLabels[view.outcome] ?? view.outcome})` : ''}`);
  if (view.formEntries.length > 0) {
    lines.push('', 'Patientens uppgifter:');
    for (const entry of view.formEntries) lines.push(`- ${entry.label.sv}: ${entry.value.sv}`);
  }
  lines.push('', 'Förlopp:');
  for (const event of view.events) {
    const detail = eventDetail(event);
    lines.push(`${at(event.createdAt)} ${eventLabels[event.kind]}${detail ? ` ${detail}` : ''} – ${authorOf(event)}`);
    if (event.body) lines.push(indent(event.body));
    for (const attachment of event.attachments) lines.push(`  Bilaga: ${attachment.fileName} (${attachment.mediaType}, ${Math.max(1, Math.round(attachment.byteSize / 1024))} kB)`);
  }
  return lines.join('\n');
}
