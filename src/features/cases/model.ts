import { workingDayDeadline } from '../../lib/swedish-calendar.ts';

/**
 * The life of a case (ärende), as pure rules (C1, C3–C5, seed 002). The service stores
 * the state and the thread; this decides what may happen next and when the unit must
 * have answered. Nothing is ever deleted: closing only changes the status (C6).
 */
export const caseStatuses = ['received', 'assigned', 'awaiting_patient', 'partially_answered', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** C3: at least a partial answer within two working days of arrival. */
export const FIRST_ANSWER_WITHIN_WORKING_DAYS = 2;

export type CaseState = {
  status: CaseStatus;
  /** C5: a case staff started towards a patient, who may then reply once. */
  origin: 'patient' | 'staff';
  /** Skicka meddelande is only acknowledged, never answered (seed 002). */
  acknowledgeOnly: boolean;
  assignedStaffId: string | null;
  /** When the patient first heard back (partial or final answer, counter-question, acknowledgement). */
  firstResponseAt: Date | null;
  /** How many more replies the patient may send to a staff-started case; null when not limited. */
  patientRepliesLeft: number | null;
};

export type CaseAction =
  | { kind: 'assign'; staffId: string }
  | { kind: 'counter_question' }
  | { kind: 'patient_reply' }
  | { kind: 'partial_answer' }
  | { kind: 'final_answer' }
  | { kind: 'acknowledge' }
  | { kind: 'forward' }
  | { kind: 'close' };

export type Refusal =
  | 'case_closed'
  | 'acknowledge_only'
  | 'not_acknowledge_only'
  | 'no_open_question'
  | 'reply_used'
  | 'not_for_staff_started';

const staffAnswers = new Set<CaseAction['kind']>(['counter_question', 'partial_answer', 'final_answer']);

export function newPatientCase(acknowledgeOnly: boolean): CaseState {
  return { status: 'received', origin: 'patient', acknowledgeOnly, assignedStaffId: null, firstResponseAt: null, patientRepliesLeft: null };
}

/** C5: staff start a case towards a patient; it waits for the patient's one reply. */
export function newStaffCase(staffId: string, at: Date): CaseState {
  return { status: 'awaiting_patient', origin: 'staff', acknowledgeOnly: false, assignedStaffId: staffId, firstResponseAt: at, patientRepliesLeft: 1 };
}

/** What the case becomes after an action, or why the action is refused. */
export function applyAction(state: CaseState, action: CaseAction, at: Date): { state: CaseState } | { refused: Refusal } {
  if (state.status === 'closed') return { refused: 'case_closed' };
  if (state.acknowledgeOnly && staffAnswers.has(action.kind)) return { refused: 'acknowledge_only' };
  const responded = { firstResponseAt: state.firstResponseAt ?? at };
  switch (action.kind) {
    case 'assign':
      return { state: { ...state, assignedStaffId: action.staffId, status: state.status === 'received' ? 'assigned' : state.status } };
    case 'counter_question':
      if (state.origin === 'staff') return { refused: 'not_for_staff_started' };
      return { state: { ...state, ...responded, status: 'awaiting_patient' } };
    case 'patient_reply':
      return patientReply(state);
    case 'partial_answer':
      return { state: { ...state, ...responded, status: 'partially_answered' } };
    case 'final_answer':
      return { state: { ...state, ...responded, status: 'closed' } };
    case 'acknowledge':
      if (!state.acknowledgeOnly) return { refused: 'not_acknowledge_only' };
      return { state: { ...state, ...responded, status: 'closed' } };
    case 'forward':
      // Another unit takes over: nobody there has it yet; the deadline stays the one from arrival.
      return { state: { ...state, assignedStaffId: null, status: 'received' } };
    case 'close':
      return { state: { ...state, status: 'closed' } };
  }
}

function patientReply(state: CaseState): { state: CaseState } | { refused: Refusal } {
  if (state.origin === 'staff') {
    if (!state.patientRepliesLeft) return { refused: 'reply_used' };
    // The one reply goes back to the staff member who wrote; the reply box then closes.
    return { state: { ...state, patientRepliesLeft: state.patientRepliesLeft - 1, status: 'assigned' } };
  }
  // C7: a case is an asynchronous conversation — the patient may write again at any time until
  // it is closed. Answering a counter-question gives the case back to the unit; a message in
  // between leaves the status as it is. Skicka meddelande is a one-off, only acknowledged.
  if (state.acknowledgeOnly) return { refused: 'acknowledge_only' };
  if (state.status !== 'awaiting_patient') return { state };
  return { state: { ...state, status: state.assignedStaffId ? 'assigned' : 'received' } };
}

/** Whether the patient may write now (the reply box is open). */
export function patientMayReply(state: CaseState): boolean {
  return 'state' in applyAction(state, { kind: 'patient_reply' }, new Date(0));
}

/** C3: the end of the second working day after the day the case arrived (Stockholm). */
export function firstAnswerDeadline(receivedAt: Date): Date {
  return workingDayDeadline(receivedAt, FIRST_ANSWER_WITHIN_WORKING_DAYS);
}

export type DeadlineState = 'met' | 'met_late' | 'on_time' | 'due_soon' | 'late';

/** What the inbox shows: answered in time or late, or still open and how urgent. "Due soon" is the last 24 hours. */
export function deadlineState(deadline: Date, now: Date, firstResponseAt: Date | null): DeadlineState {
  if (firstResponseAt) return firstResponseAt.getTime() <= deadline.getTime() ? 'met' : 'met_late';
  const left = deadline.getTime() - now.getTime();
  if (left <= 0) return 'late';
  return left <= 24 * 3600_000 ? 'due_soon' : 'on_time';
}
