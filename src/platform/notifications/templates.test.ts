import { describe, expect, it } from 'vitest';
import { linkOf, MissingNotificationParam, renderNotification, templateCodes, templateTexts, type TemplateCode } from './templates.ts';

const channels = ['email', 'sms'] as const;
const appointmentCodes = templateCodes.filter((code) => code.startsWith('appointment_'));
/** What each template is rendered with in these tests: the appointment texts need a time. */
const paramsFor = (code: TemplateCode) =>
  code.startsWith('appointment_') ? { startsAt: '2026-12-01T08:30:00.000Z' } : code === 'meeting_invitation' ? { invitationPath: `/inbjudan#${'a'.repeat(43)}` } : undefined;

describe('notification templates', () => {
  it('have no placeholder but {url} and, in the appointment texts, the time: nothing else about the patient can be filled in', () => {
    for (const code of templateCodes) {
      const allowed = code.startsWith('appointment_') ? ['{url}', '{time_sv}', '{time_en}'] : ['{url}'];
      for (const text of Object.values(templateTexts[code])) {
        const placeholders = text.match(/\{[^}]*\}|\$\{|%[sdo]|\{\{/g) ?? [];
        expect(placeholders.filter((placeholder) => !allowed.includes(placeholder))).toEqual([]);
        expect(text).toContain('Nära');
      }
    }
  });

  it('link to Nära in every message, with nothing left unfilled', () => {
    for (const code of templateCodes) {
      expect(templateTexts[code].emailBody).toContain('{url}');
      expect(templateTexts[code].sms).toContain('{url}');
      for (const channel of channels) {
        const rendered = renderNotification(code, channel, { publicUrl: 'https://nara.region.example/', params: paramsFor(code) });
        expect(rendered.text).toContain('https://nara.region.example');
        expect(rendered.text).not.toContain('https://nara.region.example/ ');
        expect(`${rendered.subject ?? ''} ${rendered.text}`).not.toMatch(/[{}]/);
      }
    }
  });

  it('say there is a new message, in Swedish first and then in English', () => {
    const sms = renderNotification('new_message', 'sms', { publicUrl: 'http://localhost:3000' });
    expect(sms.subject).toBeNull();
    expect(sms.text).toBe(
      'Du har ett nytt meddelande i Nära. Logga in på http://localhost:3000 för att läsa det. / You have a new message in Nära. Log in at http://localhost:3000 to read it.',
    );
    const email = renderNotification('new_message', 'email', { publicUrl: 'http://localhost:3000' });
    expect(email.subject).toBe('Nytt meddelande i Nära / New message in Nära');
    expect(email.text.indexOf('Du har ett nytt meddelande')).toBeLessThan(email.text.indexOf('You have a new message'));
  });

  it('contain no words that would reveal care: no case, unit, answer or medical terms', () => {
    for (const code of templateCodes) {
      const all = Object.values(templateTexts[code]).join('\n').toLowerCase();
      for (const word of ['ärende', 'case', 'recept', 'prescription', 'mottagning', 'clinic', 'vårdcentral', 'läkare', 'doctor', 'provsvar', 'result']) {
        expect(all).not.toContain(word);
      }
    }
  });

  it('strip trailing slashes from the public address', () => {
    expect(linkOf('https://nara.example//')).toBe('https://nara.example');
    expect(linkOf('https://nara.example/vard')).toBe('https://nara.example/vard');
  });

  it('state the appointment\'s date and Stockholm time, in Swedish then English', () => {
    const sms = renderNotification('appointment_reminder', 'sms', { publicUrl: 'http://localhost:3000', params: { startsAt: '2026-12-01T08:30:00Z' } });
    expect(sms.text).toBe(
      'Påminnelse från Nära: en tid är bokad tisdag 1 december kl. 09.30. Logga in på http://localhost:3000 för att se den eller avboka. / Reminder from Nära: an appointment is booked for Tuesday 1 December at 09:30. Log in at http://localhost:3000 to see it or cancel.',
    );
    for (const code of appointmentCodes) {
      const email = renderNotification(code, 'email', { publicUrl: 'http://localhost:3000', params: { startsAt: '2026-12-01T08:30:00Z' } });
      expect(email.text).toContain('tisdag 1 december kl. 09.30');
      expect(email.text).toContain('Tuesday 1 December at 09:30');
      expect(email.text.indexOf('kl. 09.30')).toBeLessThan(email.text.indexOf('at 09:30'));
      expect(email.subject).toContain('Nära');
    }
  });

  it('show the time the clocks show on the night they go back (25 October 2026)', () => {
    const render = (startsAt: string) => renderNotification('appointment_booked', 'sms', { publicUrl: 'http://localhost:3000', params: { startsAt } }).text;
    // 08:30 Stockholm is 06:30 UTC the day before the change (summer time), 07:30 UTC on the day (winter time).
    expect(render('2026-10-24T06:30:00Z')).toContain('lördag 24 oktober kl. 08.30');
    expect(render('2026-10-25T07:30:00Z')).toContain('söndag 25 oktober kl. 08.30');
    expect(render('2026-10-26T07:30:00Z')).toContain('Monday 26 October at 08:30');
    // 02:30 happens twice that night: once on summer time, once on winter time.
    expect(render('2026-10-25T00:30:00Z')).toContain('kl. 02.30');
    expect(render('2026-10-25T01:30:00Z')).toContain('kl. 02.30');
  });

  it('refuse to render an appointment text without its time, and any param but the time', () => {
    for (const code of appointmentCodes) {
      expect(() => renderNotification(code, 'sms', { publicUrl: 'http://localhost:3000' })).toThrow(MissingNotificationParam);
    }
    const smuggled = { startsAt: '2026-12-01T08:30:00Z', unitName: 'Vårdcentralen Ekby' } as unknown as { startsAt: string };
    expect(() => renderNotification('appointment_booked', 'sms', { publicUrl: 'http://localhost:3000', params: smuggled })).toThrow();
    expect(() => renderNotification('appointment_booked', 'sms', { publicUrl: 'http://localhost:3000', params: { startsAt: 'tomorrow' } })).toThrow();
    // The other texts ignore a time they do not use.
    expect(renderNotification('new_message', 'sms', { publicUrl: 'http://localhost:3000', params: { startsAt: '2026-12-01T08:30:00Z' } }).text).not.toContain('09');
  });
});
