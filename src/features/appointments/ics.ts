/**
 * D6: a booked visit as an iCalendar file (RFC 5545) the patient adds to their own
 * calendar. Pure: the service decides what the texts say; this writes them correctly —
 * times in UTC (no time-zone definitions to get wrong), TEXT values escaped, and lines
 * folded at 75 octets without splitting a UTF-8 character ("å" is two octets).
 */
export type CalendarEvent = {
  /** Globally unique and stable for the booking, so importing the file again updates the same event. */
  uid: string;
  /** When the file was made (DTSTAMP). */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  location?: string;
  description?: string;
  /** A link for the visit (the video meeting), written as URL. */
  url?: string;
  status?: 'CONFIRMED' | 'CANCELLED';
  /** Raised when the same UID is sent again after a change, so calendars take the newer one. */
  sequence?: number;
};

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** YYYYMMDDTHHMMSSZ: the form-2 (UTC) DATE-TIME of RFC 5545 §3.3.5. */
export function utcDateTime(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** A TEXT value (§3.3.11): backslash, semicolon and comma escaped, line breaks as \n. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * §3.1: a content line longer than 75 octets is split with CRLF and one space; the space
 * counts toward the next line's 75. Splits fall between code points, never inside one.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const character of line) {
    const size = encoder.encode(character).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** A URI value is not escaped; a line break in one would end the property, so none is allowed. */
function uri(value: string): string {
  if (/[\r\n]/.test(value)) throw new RangeError('a URI cannot hold a line break');
  return value;
}

export function calendarFile(event: CalendarEvent): string {
  if (event.end.getTime() <= event.start.getTime()) throw new RangeError('an event ends after it starts');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Nära//Tidbokning//SV',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcDateTime(event.stamp)}`,
    `DTSTART:${utcDateTime(event.start)}`,
    `DTEND:${utcDateTime(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.url ? [`URL:${uri(event.url)}`] : []),
    `STATUS:${event.status ?? 'CONFIRMED'}`,
    `SEQUENCE:${event.sequence ?? 0}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
