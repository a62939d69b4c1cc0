import { describe, expect, it } from 'vitest';
import { linkOf, renderNotification, templateCodes, templateTexts } from './templates.ts';

const channels = ['email', 'sms'] as const;

describe('notification templates', () => {
  it('have no placeholder but {url}: nothing about the patient can be filled in', () => {
    for (const code of templateCodes) {
      for (const text of Object.values(templateTexts[code])) {
        const placeholders = text.match(/\{[^}]*\}|\$\{|%[sdo]|\{\{/g) ?? [];
        expect(placeholders.filter((placeholder) => placeholder !== '{url}')).toEqual([]);
        expect(text).toContain('Nära');
      }
    }
  });

  it('link to Nära in every message, with nothing left unfilled', () => {
    for (const code of templateCodes) {
      expect(templateTexts[code].emailBody).toContain('{url}');
      expect(templateTexts[code].sms).toContain('{url}');
      for (const channel of channels) {
        const rendered = renderNotification(code, channel, { publicUrl: 'https://nara.region.example/' });
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
});
