/**
 * A small RFC 4180 reader: fields separated by a delimiter (here usually ';', as
 * Swedish spreadsheet exports write them), records by CRLF, LF or CR; a field in
 * double quotes may hold delimiters, line breaks and "" for a quote. A leading
 * byte order mark is skipped. Pure: text in, records out, or a CsvSyntaxError that
 * says where the text stops making sense.
 */
export type CsvRecord = {
  /** The line of the text (1-based) the record starts on; a quoted line break makes a record span lines. */
  line: number;
  fields: string[];
};

export type CsvSyntaxProblem = 'unterminated_quote' | 'text_after_quote' | 'quote_in_unquoted_field';

export class CsvSyntaxError extends Error {
  readonly problem: CsvSyntaxProblem;
  readonly line: number;
  readonly column: number;
  constructor(problem: CsvSyntaxProblem, line: number, column: number) {
    super(`${problem} at line ${line}, column ${column}`);
    this.problem = problem;
    this.line = line;
    this.column = column;
  }
}

/** Parses the whole text. Empty lines (no characters at all) are not records and are skipped. */
export function parseCsv(text: string, options: { delimiter?: string } = {}): CsvRecord[] {
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new RangeError(`The delimiter must be one character other than a quote or a line break, got ${JSON.stringify(delimiter)}`);
  }
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const end = input.length;
  const records: CsvRecord[] = [];
  let i = 0;
  let line = 1;
  let column = 1;

  const isBreak = (char: string | undefined) => char === '\n' || char === '\r';
  /** Consumes the line break at i (CRLF, LF or CR) and returns it. */
  const lineBreak = (): string => {
    const text = input[i] === '\r' && input[i + 1] === '\n' ? '\r\n' : input[i]!;
    i += text.length;
    line += 1;
    column = 1;
    return text;
  };

  const quotedField = (): string => {
    const openedAt = { line, column };
    i += 1;
    column += 1;
    let value = '';
    for (;;) {
      if (i >= end) throw new CsvSyntaxError('unterminated_quote', openedAt.line, openedAt.column);
      const char = input[i]!;
      if (char === '"') {
        i += 1;
        column += 1;
        if (input[i] !== '"') break;
        value += '"';
        i += 1;
        column += 1;
      } else if (isBreak(char)) {
        value += lineBreak();
      } else {
        value += char;
        i += 1;
        column += 1;
      }
    }
    if (i < end && input[i] !== delimiter && !isBreak(input[i])) throw new CsvSyntaxError('text_after_quote', line, column);
    return value;
  };

  const plainField = (): string => {
    const from = i;
    while (i < end && input[i] !== delimiter && !isBreak(input[i])) {
      if (input[i] === '"') throw new CsvSyntaxError('quote_in_unquoted_field', line, column);
      i += 1;
      column += 1;
    }
    return input.slice(from, i);
  };

  while (i < end) {
    if (isBreak(input[i])) {
      lineBreak();
      continue;
    }
    const record: CsvRecord = { line, fields: [] };
    for (;;) {
      record.fields.push(input[i] === '"' ? quotedField() : plainField());
      if (i >= end) break;
      if (input[i] === delimiter) {
        i += 1;
        column += 1;
        continue;
      }
      lineBreak();
      break;
    }
    records.push(record);
  }
  return records;
}
