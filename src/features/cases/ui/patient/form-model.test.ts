import { describe, expect, it } from 'vitest';
import { caseFormSchema } from '../../contract.ts';
import { buildAnswers, buildForm, parseNumber, validate, validPhone, type Question } from './form-model.ts';

const renewal: Question[] = [
  { linkId: 'works', text: 'Fungerar läkemedlet som det ska?', type: 'boolean', required: true },
  { linkId: 'side-effects', text: 'Har du fått några biverkningar?', type: 'boolean', required: true },
  { linkId: 'last-dose', text: 'När tog du senast läkemedlet?', type: 'date', required: false },
];

describe('the patient form model', () => {
  it('asks for what Beställ tid needs, and the detail only when a person is chosen', () => {
    expect(validate('bestall_tid', {}, [], {})).toEqual([
      { target: 'reason', problem: 'required' },
      { target: 'withWhom', problem: 'choose' },
    ]);
    const form = buildForm('bestall_tid', null, { reason: ' Ont i knät ', withWhom: 'no_preference', withWhomDetail: 'Erik' }, [], {});
    expect(form).toEqual({ type: 'bestall_tid', reason: 'Ont i knät', withWhom: 'no_preference' });
    expect(caseFormSchema.safeParse(form).success).toBe(true);
    expect(buildForm('bestall_tid', null, { reason: 'x', withWhom: 'doctor', withWhomDetail: 'Erik Holm' }, [], {})).toMatchObject({ withWhomDetail: 'Erik Holm' });
  });

  it('wants a phone number only when the patient wants a call', () => {
    const base = { reason: 'Provsvar', when: 'any' };
    expect(validate('kontakta_mig', { ...base, channel: 'video' }, [], {})).toEqual([]);
    expect(validate('kontakta_mig', { ...base, channel: 'phone' }, [], {})).toEqual([{ target: 'phoneNumber', problem: 'required' }]);
    expect(validate('kontakta_mig', { ...base, channel: 'phone', phoneNumber: 'abc' }, [], {})).toEqual([{ target: 'phoneNumber', problem: 'phone' }]);
    expect(validPhone('070-123 45 67')).toBe(true);
    expect(validPhone('+46 70 123 45 67')).toBe(true);
    expect(validPhone('12')).toBe(false);
  });

  it('keeps Skicka meddelande within 1000 characters', () => {
    expect(validate('skicka_meddelande', { message: 'x'.repeat(1001) }, [], {})).toEqual([{ target: 'message', problem: 'too_long', max: 1000, length: 1001 }]);
    expect(validate('skicka_meddelande', { message: 'x'.repeat(1000) }, [], {})).toEqual([]);
  });

  it('offers the unit’s certificates as choices, or free text when it has no list', () => {
    const values = { certificate: 'Läkarintyg för körkort', kind: 'new' };
    expect(validate('begar_intyg', values, [], {}, [])).toEqual([]);
    expect(validate('begar_intyg', values, [], {}, ['Friskintyg'])).toEqual([{ target: 'certificate', problem: 'choose' }]);
  });

  it('asks the renewal questions and sends Ja/Nej as booleans', () => {
    expect(validate('fornya_recept', { medicine: 'Levaxin' }, renewal, { works: 'true' })).toEqual([{ target: 'q-side-effects', problem: 'choose' }]);
    const form = buildForm('fornya_recept', null, { medicine: 'Levaxin 50 mikrogram' }, renewal, { works: 'true', 'side-effects': 'false', 'last-dose': '' });
    expect(form).toEqual({ type: 'fornya_recept', medicine: 'Levaxin 50 mikrogram', answers: { works: true, 'side-effects': false } });
    expect(caseFormSchema.safeParse(form).success).toBe(true);
  });

  it('builds an own type’s answers by question type', () => {
    const questions: Question[] = [
      { linkId: 'weight', text: 'Vikt', type: 'number', required: false },
      { linkId: 'allergies', text: 'Allergier', type: 'multiple_choice', required: true, options: ['Ägg', 'Latex'] },
      { linkId: 'which', text: 'Vilken', type: 'choice', required: true, options: ['A', 'B'] },
    ];
    expect(validate('own', {}, questions, { weight: 'tung' })).toEqual([
      { target: 'q-weight', problem: 'number' },
      { target: 'q-allergies', problem: 'choose' },
      { target: 'q-which', problem: 'choose' },
    ]);
    expect(buildAnswers(questions, { weight: '64,5', allergies: ['Latex'], which: 'B' })).toEqual({ weight: 64.5, allergies: ['Latex'], which: 'B' });
    const id = '7d3c0a56-2f43-4c55-9a52-2a0f1d3b6e11';
    expect(caseFormSchema.safeParse(buildForm('own', id, {}, questions, { which: 'A', allergies: ['Ägg'] })).success).toBe(true);
    expect(parseNumber('1 000,25')).toBe(1000.25);
    expect(parseNumber('')).toBeNull();
  });

  it('asks which appointment Av/omboka tid is about, and new times only when rebooking', () => {
    expect(validate('av_omboka_tid', { action: 'cancel' }, [], {})).toEqual([{ target: 'appointmentDescription', problem: 'required' }]);
    expect(buildForm('av_omboka_tid', null, { action: 'cancel', appointmentDescription: 'Tisdag kl 10', preferredTimes: 'Fredag' }, [], {})).toEqual({
      type: 'av_omboka_tid',
      action: 'cancel',
      appointmentDescription: 'Tisdag kl 10',
    });
  });
});
