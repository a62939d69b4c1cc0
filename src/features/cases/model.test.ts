import { describe, expect, it } from 'vitest';
import { applyAction, deadlineState, firstAnswerDeadline, newPatientCase, newStaffCase, patientMayReply, type CaseAction, type CaseState } from './model.ts';

const at = new Date('2026-11-23T09:00:00Z');

function run(state: CaseState, ...actions: CaseAction[]): CaseState {
  return actions.reduce((current, action) => {
    const result = applyAction(current, action, at);
    if ('refused' in result) throw new Error(`${action.kind} refused: ${result.refused}`);
    return result.state;
  }, state);
}

const refusal = (state: CaseState, action: CaseAction) => {
  const result = applyAction(state, action, at);
  return 'refused' in result ? result.refused : null;
};

describe('a case the patient sends', () => {
  it('arrives unassigned, is taken, answered in part, then finally', () => {
    const taken = run(newPatientCase(false), { kind: 'assign', staffId: 'nurse' });
    expect(taken).toMatchObject({ status: 'assigned', assignedStaffId: 'nurse', firstResponseAt: null });
    const partly = run(taken, { kind: 'partial_answer' });
    expect(partly).toMatchObject({ status: 'partially_answered', firstResponseAt: at });
    expect(run(partly, { kind: 'final_answer' }).status).toBe('closed');
  });

  it('takes as many counter-questions as needed, each answered by the patient (C4)', () => {
    let state = run(newPatientCase(false), { kind: 'assign', staffId: 'nurse' });
    for (let round = 0; round < 5; round++) {
      state = run(state, { kind: 'counter_question' });
      expect(state.status).toBe('awaiting_patient');
      expect(patientMayReply(state)).toBe(true);
      state = run(state, { kind: 'patient_reply' });
      expect(state.status).toBe('assigned');
    }
  });

  it('lets the patient continue the conversation at any time until the case is closed (C7)', () => {
    const waiting = newPatientCase(false);
    expect(patientMayReply(waiting)).toBe(true);
    expect(run(waiting, { kind: 'patient_reply' }).status).toBe('received');
    const partly = run(run(waiting, { kind: 'assign', staffId: 'nurse' }), { kind: 'partial_answer' });
    expect(run(partly, { kind: 'patient_reply' }).status).toBe('partially_answered');
    expect(refusal(run(partly, { kind: 'final_answer' }), { kind: 'patient_reply' })).toBe('case_closed');
  });

  it('does not let the patient continue a message that is only acknowledged', () => {
    const message = newPatientCase(true);
    expect(patientMayReply(message)).toBe(false);
    expect(refusal(message, { kind: 'patient_reply' })).toBe('acknowledge_only');
  });

  it('keeps the first response time when more answers follow', () => {
    const first = run(newPatientCase(false), { kind: 'counter_question' });
    const later = applyAction(run(first, { kind: 'patient_reply' }), { kind: 'final_answer' }, new Date('2026-11-30T09:00:00Z'));
    expect('state' in later && later.state.firstResponseAt).toEqual(at);
  });

  it('goes back to the new unit unassigned when forwarded', () => {
    const forwarded = run(newPatientCase(false), { kind: 'assign', staffId: 'nurse' }, { kind: 'forward' });
    expect(forwarded).toMatchObject({ status: 'received', assignedStaffId: null });
  });

  it('accepts nothing once closed; nothing is reopened or removed', () => {
    const closed = run(newPatientCase(false), { kind: 'close' });
    for (const action of [{ kind: 'assign', staffId: 'x' }, { kind: 'patient_reply' }, { kind: 'final_answer' }, { kind: 'close' }] as CaseAction[]) {
      expect(refusal(closed, action)).toBe('case_closed');
    }
  });
});

describe('Skicka meddelande (seed 002)', () => {
  it('is only acknowledged, with one action that closes it', () => {
    const message = newPatientCase(true);
    for (const kind of ['counter_question', 'partial_answer', 'final_answer'] as const) expect(refusal(message, { kind })).toBe('acknowledge_only');
    expect(run(message, { kind: 'acknowledge' })).toMatchObject({ status: 'closed', firstResponseAt: at });
  });

  it('cannot be used to acknowledge other case types', () => {
    expect(refusal(newPatientCase(false), { kind: 'acknowledge' })).toBe('not_acknowledge_only');
  });
});

describe('a case staff start towards a patient (C5)', () => {
  it('takes exactly one reply from the patient, then the reply box closes', () => {
    const started = newStaffCase('doctor', at);
    expect(patientMayReply(started)).toBe(true);
    const replied = run(started, { kind: 'patient_reply' });
    expect(replied).toMatchObject({ status: 'assigned', assignedStaffId: 'doctor', patientRepliesLeft: 0 });
    expect(patientMayReply(replied)).toBe(false);
    expect(refusal(replied, { kind: 'patient_reply' })).toBe('reply_used');
  });

  it('is answered by staff as usual but takes no counter-questions', () => {
    const replied = run(newStaffCase('doctor', at), { kind: 'patient_reply' });
    expect(refusal(replied, { kind: 'counter_question' })).toBe('not_for_staff_started');
    expect(run(replied, { kind: 'final_answer' }).status).toBe('closed');
  });
});

describe('the first-answer deadline (C3)', () => {
  it('is the end of the second working day after arrival, in Stockholm', () => {
    expect(firstAnswerDeadline(new Date('2026-11-23T09:00:00Z')).toISOString()).toBe('2026-11-25T23:00:00.000Z'); // Monday → end of Wednesday
    expect(firstAnswerDeadline(new Date('2026-11-27T15:00:00Z')).toISOString()).toBe('2026-12-01T23:00:00.000Z'); // Friday → end of Tuesday
    expect(firstAnswerDeadline(new Date('2026-12-23T10:00:00Z')).toISOString()).toBe('2026-12-29T23:00:00.000Z'); // over Christmas
    expect(firstAnswerDeadline(new Date('2026-04-02T08:00:00Z')).toISOString()).toBe('2026-04-08T22:00:00.000Z'); // skärtorsdag, summer time
  });

  it('tells the inbox what is met, on time, due within 24 hours or late', () => {
    const deadline = new Date('2026-11-25T23:00:00Z');
    expect(deadlineState(deadline, new Date('2026-11-24T10:00:00Z'), null)).toBe('on_time');
    expect(deadlineState(deadline, new Date('2026-11-25T08:00:00Z'), null)).toBe('due_soon');
    expect(deadlineState(deadline, new Date('2026-11-25T23:00:00Z'), null)).toBe('late');
    expect(deadlineState(deadline, new Date('2026-11-27T08:00:00Z'), new Date('2026-11-25T22:59:00Z'))).toBe('met');
    expect(deadlineState(deadline, new Date('2026-11-27T08:00:00Z'), new Date('2026-11-26T07:00:00Z'))).toBe('met_late');
  });
});
