import { describe, expect, it } from 'vitest';
import { bankIdHintCodes, rfaForCollect, rfaForError, rfaMessages, type StartMethod } from './messages.ts';

const text = (outcome: Parameters<typeof rfaForCollect>[0], method: StartMethod = 'qr') => rfaMessages[rfaForCollect(outcome, method)];

describe('BankID user messages', () => {
  it('asks the user to start the app while the order is outstanding, or says it is starting it on this device', () => {
    expect(text({ status: 'pending', hintCode: 'outstandingTransaction' })).toEqual({ sv: 'Starta BankID-appen.', en: 'Start your BankID app.' });
    expect(text({ status: 'pending', hintCode: 'noClient' })).toEqual(rfaMessages.RFA1);
    expect(text({ status: 'pending', hintCode: 'outstandingTransaction' }, 'autostart').sv).toBe('Försöker starta BankID-appen.');
  });

  it('tells the user to enter the security code when the app waits for it', () => {
    expect(text({ status: 'pending', hintCode: 'userSign' }).sv).toBe('Skriv in din säkerhetskod i BankID-appen och välj Identifiera eller Skriv under.');
    expect(text({ status: 'pending', hintCode: 'userSign' }).en).toBe('Enter your security code in the BankID app and select Identify or Sign.');
  });

  it('searches for a BankID when started, on this computer or on this device', () => {
    expect(rfaForCollect({ status: 'pending', hintCode: 'started' }, 'qr')).toBe('RFA14-A');
    expect(rfaForCollect({ status: 'pending', hintCode: 'started' }, 'autostart')).toBe('RFA14-B');
    expect(text({ status: 'pending', hintCode: 'started' }).sv).toMatch(/^Söker efter BankID/);
  });

  it('maps every failure hint code to its message', () => {
    expect(rfaForCollect({ status: 'failed', hintCode: 'expiredTransaction' }, 'qr')).toBe('RFA8');
    expect(rfaForCollect({ status: 'failed', hintCode: 'certificateErr' }, 'qr')).toBe('RFA16');
    expect(text({ status: 'failed', hintCode: 'userCancel' })).toEqual({ sv: 'Åtgärden avbruten.', en: 'Action cancelled.' });
    expect(text({ status: 'failed', hintCode: 'cancelled' })).toEqual({ sv: 'Åtgärden avbruten. Försök igen.', en: 'Action cancelled. Please try again.' });
    expect(rfaForCollect({ status: 'failed', hintCode: 'startFailed' }, 'qr')).toBe('RFA17-B');
    expect(rfaForCollect({ status: 'failed', hintCode: 'startFailed' }, 'autostart')).toBe('RFA17-A');
    expect(text({ status: 'failed', hintCode: 'startFailed' }).sv).toMatch(/^Misslyckades att läsa av QR-koden/);
  });

  it('falls back to the generic messages for codes it does not know', () => {
    expect(rfaForCollect({ status: 'pending', hintCode: 'somethingNew' }, 'qr')).toBe('RFA21');
    expect(rfaForCollect({ status: 'pending' }, 'qr')).toBe('RFA21');
    expect(rfaForCollect({ status: 'failed', hintCode: 'somethingNew' }, 'qr')).toBe('RFA22');
    expect(text({ status: 'failed' })).toEqual({ sv: 'Okänt fel. Försök igen.', en: 'Unknown error. Please try again.' });
  });

  it('maps API error codes', () => {
    expect(rfaForError('alreadyInProgress')).toBe('RFA4');
    expect(rfaForError('maintenance')).toBe('RFA5');
    expect(rfaForError('internalError')).toBe('RFA5');
    expect(rfaForError('requestTimeout')).toBe('RFA5');
    expect(rfaForError('invalidParameters')).toBe('RFA22');
  });

  it('has a Swedish and an English text for every hint code', () => {
    for (const hintCode of bankIdHintCodes.pending) {
      const message = text({ status: 'pending', hintCode });
      expect(message.sv.length).toBeGreaterThan(5);
      expect(message.en.length).toBeGreaterThan(5);
    }
    for (const hintCode of bankIdHintCodes.failed) {
      const message = text({ status: 'failed', hintCode });
      expect(message.sv).not.toBe(message.en);
    }
  });
});
