/**
 * A small RFC 4180 CSV reader and writer (pure, no I/O). Fields are separated by commas and records
 * by CRLF (a bare LF is accepted on input); a field with a comma, quote, CR or LF is quoted and its
 * quotes doubled. A UTF-8 byte order mark at the start is ignored on input and written on output
 * (Excel needs it to read accents correctly).
 *
 * Spreadsheets run a cell that starts with = + - @ (or a tab / CR) as a formula, so an exported value
 * like `=HYPERLINK(...)` could act on the leader's machine ("CSV injection"). The writer prefixes such
 * cells with a single quote; the reader removes exactly one such prefix, so an export re-imports as is.
 */

export type CsvParseResult = { ok: true; records: string[][] } | { ok: false; row: number; message: string };

const BOM = '\uFEFF';

/** Cells starting like this are formulas to a spreadsheet; the same, after any number of quotes. */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** Neutralises a formula-looking cell with a leading quote (a quoted one gets one more, so import can undo it). */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Undoes neutraliseFormula: removes one leading quote only where the writer would have added it. */
export function restoreFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

function quoteIfNeeded(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Writes records as CSV text: BOM, CRLF line ends, every cell neutralised against formulas, quoted when needed. */
export function writeCsv(records: readonly (readonly string[])[]): string {
  return BOM + records.map((record) => record.map((cell) => quoteIfNeeded(neutraliseFormula(cell))).join(',')).join('\r\n') + '\r\n';
}

/**
 * Reads CSV text into records of raw cell strings. Rows are counted as records (a quoted cell may span
 * lines), starting at 0 for the first record. Blank lines are skipped. Formula prefixes are NOT undone
 * here (see restoreFormula), so callers decide which cells are text.
 */
export function parseCsv(input: string): CsvParseResult {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  /** True once the current cell started with a quote and that quote was closed. */
  let closed = false;
  let index = 0;

  const endRecord = () => {
    record.push(cell);
    // A blank line is a single empty cell: skip it rather than report an empty record.
    if (!(record.length === 1 && record[0] === '' && !closed)) records.push(record);
    record = [];
    cell = '';
    closed = false;
  };

  while (index < text.length) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          cell += '"';
          index += 2;
          continue;
        }
        quoted = false;
        closed = true;
      } else {
        cell += char;
      }
      index += 1;
      continue;
    }
    if (char === ',') {
      record.push(cell);
      cell = '';
      closed = false;
    } else if (char === '\r' || char === '\n') {
      endRecord();
      if (char === '\r' && text[index + 1] === '\n') index += 1;
    } else if (char === '"') {
      if (cell !== '' || closed) {
        return { ok: false, row: records.length, message: 'A quote inside an unquoted cell: put the whole cell in quotes and double the quote ("")' };
      }
      quoted = true;
    } else if (closed) {
      return { ok: false, row: records.length, message: 'Text after a closing quote: end the cell after the quote, or double the quote ("")' };
    } else {
      cell += char;
    }
    index += 1;
  }
  if (quoted) return { ok: false, row: records.length, message: 'A quoted cell is never closed: add the closing quote' };
  if (cell !== '' || record.length > 0 || closed) endRecord();
  return { ok: true, records };
}
