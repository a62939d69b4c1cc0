import { describe, expect, it } from 'vitest';
import { calendarFile, escapeText, foldLine, utcDateTime } from './ics.ts';

const octets = (text: string) => new TextEncoder().encode(text).length;
/** Unfolding (§3.1): a CRLF followed by one space or tab is removed. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

const event = {
  uid: '3f1c2a9e-0000-4000-8000-000000000001@nara',
  stamp: new Date('2026-11-23T09:00:00Z'),
  // Tuesday 1 December 2026, 09:30–10:00 in Stockholm (CET, UTC+1).
  start: new Date('2026-12-01T08:30:00Z'),
  end: new Date('2026-12-01T09:00:00Z'),
  summary: 'Hälsosamtal, Vårdcentralen Ekby',
  location: 'Vårdcentralen Ekby, Storgatan 1, 123 45 Ekby',
  description: 'Förberedelse: Ta med dina mediciner; kom fastande.\nAvboka senast 30 november kl. 09.30.',
};

describe('utcDateTime', () => {
  it('writes the UTC form without separators or fractions', () => {
    expect(utcDateTime(new Date('2027-03-28T07:05:09.123Z'))).toBe('20270328T070509Z');
  });
});

describe('escapeText', () => {
  it('escapes backslash, semicolon and comma, and turns line breaks into \\n', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });
});

describe('foldLine', () => {
  it('leaves a line of 75 octets as it is', () => {
    const line = `SUMMARY:${'x'.repeat(67)}`;
    expect(octets(line)).toBe(75);
    expect(foldLine(line)).toBe(line);
  });

  it('folds longer lines so that no line exceeds 75 octets, and unfolds to the original', () => {
    const line = `DESCRIPTION:${'å'.repeat(100)}${'e'.repeat(50)}`;
    const folded = foldLine(line);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const part of lines) expect(octets(part)).toBeLessThanOrEqual(75);
    for (const part of lines.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(unfold(folded)).toBe(line);
  });

  it('never splits a multi-octet character', () => {
    // 8 ASCII octets + two-octet characters: the 75-octet boundary falls inside one "ä".
    const folded = foldLine(`SUMMARY:${'ä'.repeat(60)}`);
    expect(folded).not.toContain('\uFFFD');
    expect(Buffer.from(folded, 'utf8').toString('utf8')).toBe(folded);
    expect(folded.split('\r\n')[0]).toBe(`SUMMARY:${'ä'.repeat(33)}`);
  });
});

describe('calendarFile', () => {
  it('is one VEVENT in a VCALENDAR with the required properties, in UTC, lines ending CRLF', () => {
    const file = calendarFile(event);
    expect(file.endsWith('\r\n')).toBe(true);
    expect(file.replace(/\r\n/g, '')).not.toContain('\n');
    const lines = unfold(file).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.some((line) => line.startsWith('PRODID:'))).toBe(true);
    expect(lines).toContain('UID:3f1c2a9e-0000-4000-8000-000000000001@nara');
    expect(lines).toContain('DTSTAMP:20261123T090000Z');
    expect(lines).toContain('DTSTART:20261201T083000Z');
    expect(lines).toContain('DTEND:20261201T090000Z');
    expect(lines).toContain('SUMMARY:Hälsosamtal\\, Vårdcentralen Ekby');
    expect(lines).toContain('LOCATION:Vårdcentralen Ekby\\, Storgatan 1\\, 123 45 Ekby');
    expect(lines).toContain('DESCRIPTION:Förberedelse: Ta med dina mediciner\\; kom fastande.\\nAvboka senast 30 november kl. 09.30.');
    expect(lines).toContain('STATUS:CONFIRMED');
    for (const line of file.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('leaves out what it is not given and writes a video link as URL', () => {
    const lines = unfold(calendarFile({ ...event, location: undefined, description: undefined, url: 'https://nara.example/start/moten/bokning/abc' })).split('\r\n');
    expect(lines.some((line) => line.startsWith('LOCATION'))).toBe(false);
    expect(lines.some((line) => line.startsWith('DESCRIPTION'))).toBe(false);
    expect(lines).toContain('URL:https://nara.example/start/moten/bokning/abc');
  });

  it('marks a cancelled visit and refuses impossible input', () => {
    expect(calendarFile({ ...event, status: 'CANCELLED', sequence: 2 })).toContain('STATUS:CANCELLED\r\nSEQUENCE:2\r\n');
    expect(() => calendarFile({ ...event, end: event.start })).toThrow(RangeError);
    expect(() => calendarFile({ ...event, url: 'https://x\r\nATTENDEE:evil' })).toThrow(RangeError);
  });
});
