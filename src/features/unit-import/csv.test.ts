import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from './csv.ts';

const fieldsOf = (text: string, delimiter = ';') => parseCsv(text, { delimiter }).map((record) => record.fields);

describe('CSV reader', () => {
  it('splits records on CRLF, LF and CR and fields on the delimiter', () => {
    expect(fieldsOf('a;b\r\nc;d\ne;f\rg;h')).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h']]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(fieldsOf(';a;;b;')).toEqual([['', 'a', '', 'b', '']]);
    expect(fieldsOf('a;\nb;')).toEqual([['a', ''], ['b', '']]);
  });

  it('reads quoted fields with delimiters, line breaks and doubled quotes', () => {
    expect(fieldsOf('"Storgatan 1; plan 2";"Säg ""hej""";"rad ett\nrad två"\nx;y;z')).toEqual([
      ['Storgatan 1; plan 2', 'Säg "hej"', 'rad ett\nrad två'],
      ['x', 'y', 'z'],
    ]);
    expect(fieldsOf('"";""""')).toEqual([['', '"']]);
  });

  it('gives each record the line it starts on, counting line breaks inside quotes', () => {
    const records = parseCsv('h1;h2\r\n"a\r\nb";c\r\n\r\nd;e\r\n', { delimiter: ';' });
    expect(records.map((record) => record.line)).toEqual([1, 2, 5]);
  });

  it('skips a byte order mark and empty lines, and a final line break makes no extra record', () => {
    expect(fieldsOf('\uFEFFhsaId;name\n\n\nx;y\n')).toEqual([['hsaId', 'name'], ['x', 'y']]);
    expect(fieldsOf('')).toEqual([]);
    expect(fieldsOf('\n\r\n')).toEqual([]);
  });

  it('keeps spaces as they are (trimming is the reader of the fields’ business)', () => {
    expect(fieldsOf(' a ; b ')).toEqual([[' a ', ' b ']]);
  });

  it('uses a comma by default', () => {
    expect(parseCsv('a,"b,c"').map((record) => record.fields)).toEqual([['a', 'b,c']]);
  });

  it('refuses an unterminated quote, text after a closing quote and a stray quote, saying where', () => {
    const failure = (text: string) => {
      try {
        parseCsv(text, { delimiter: ';' });
      } catch (error) {
        if (error instanceof CsvSyntaxError) return { problem: error.problem, line: error.line, column: error.column };
        throw error;
      }
      throw new Error('expected a syntax error');
    };
    expect(failure('a;b\nc;"open\n')).toEqual({ problem: 'unterminated_quote', line: 2, column: 3 });
    expect(failure('"a"b;c')).toEqual({ problem: 'text_after_quote', line: 1, column: 4 });
    expect(failure('a;b"c')).toEqual({ problem: 'quote_in_unquoted_field', line: 1, column: 4 });
  });

  it('refuses a delimiter that cannot work', () => {
    expect(() => parseCsv('a', { delimiter: '"' })).toThrow(RangeError);
    expect(() => parseCsv('a', { delimiter: ';;' })).toThrow(RangeError);
  });
});
