import { describe, expect, it } from 'vitest';
import { neutraliseFormula, parseCsv, restoreFormula, writeCsv } from '../../../api/src/domain/csv.js';

describe('CSV reader (RFC 4180)', () => {
  it('reads quoted cells with commas, doubled quotes, CRLF and embedded newlines', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","line one\r\nline two"\r\nplain,,last\r\n';
    expect(parseCsv(text)).toEqual({
      ok: true,
      records: [
        ['a', 'b', 'c'],
        ['x, y', 'say "hi"', 'line one\r\nline two'],
        ['plain', '', 'last'],
      ],
    });
  });

  it('accepts LF line ends, a byte order mark, no final newline, and skips blank lines', () => {
    expect(parseCsv('\uFEFFa,b\n\n1,2\n\r\n3,4')).toEqual({ ok: true, records: [['a', 'b'], ['1', '2'], ['3', '4']] });
  });

  it('keeps a row made of one quoted empty cell', () => {
    expect(parseCsv('a\n""\n')).toEqual({ ok: true, records: [['a'], ['']] });
  });

  it('reports a quote inside an unquoted cell at its row', () => {
    expect(parseCsv('a,b\n1,x"y\n')).toMatchObject({ ok: false, row: 1 });
  });

  it('reports text after a closing quote and an unterminated quote', () => {
    expect(parseCsv('a\n"x"y\n')).toMatchObject({ ok: false, row: 1 });
    expect(parseCsv('a,b\n1,2\n"never closed,\n')).toMatchObject({ ok: false, row: 2, message: expect.stringContaining('never closed') });
  });
});

describe('CSV writer', () => {
  it('quotes only where needed, doubles quotes, ends rows with CRLF and starts with a BOM', () => {
    const text = writeCsv([['id', 'text'], ['1', 'a, "b"\nc']]);
    expect(text).toBe('\uFEFFid,text\r\n1,"a, ""b""\nc"\r\n');
  });

  it('round-trips awkward cells exactly', () => {
    const records = [
      ['type', 'title', 'why'],
      ['strategy', 'Commas, "quotes" and\r\nCRLF', ''],
      ['strategy', '=SUM(A1:A9)', "'=already quoted"],
      ['strategy', "'plain apostrophe", '-15% empty km'],
    ];
    const parsed = parseCsv(writeCsv(records));
    expect(parsed.ok && parsed.records.map((record) => record.map(restoreFormula))).toEqual(records);
  });
});

describe('CSV formula injection', () => {
  it.each(['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\tindent', '\rcr'])('neutralises %j with a leading quote', (cell) => {
    const neutral = neutraliseFormula(cell);
    expect(neutral).toBe(`'${cell}`);
    expect(restoreFormula(neutral)).toBe(cell);
  });

  it('leaves ordinary text alone, including a leading apostrophe that is not hiding a formula', () => {
    for (const cell of ['Deliver on time', "'tis the season", '', '15% fewer']) {
      expect(neutraliseFormula(cell)).toBe(cell);
      expect(restoreFormula(cell)).toBe(cell);
    }
  });

  it('never writes a cell that a spreadsheet would run as a formula', () => {
    const text = writeCsv([['=1+1', '@cmd', '+x', '-y']]);
    const parsed = parseCsv(text);
    expect(parsed.ok && parsed.records[0]!.every((cell) => !/^[=+\-@\t\r]/.test(cell))).toBe(true);
  });
});
