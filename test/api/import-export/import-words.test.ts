/** Issue 13: an import's enum errors are in words, and progress may be written as the editor shows it. */
import { describe, expect, it } from 'vitest';
import { readCsvImport } from '../../../api/src/domain/strategy-map-csv.js';

describe('an import in people’s words', () => {
  it('reads progress as the export writes it or as the editor shows it, and explains a wrong one in words', () => {
    const read = readCsvImport('type,title,progress\r\nstrategy,A,On track\r\nstrategy,B,at_risk\r\nstrategy,C,sideways\r\nsomething,D,\r\n');
    expect(read.rows.strategies.map((row) => row.value.progress ?? null)).toEqual(['on_track', 'at_risk']);
    expect(read.errors).toEqual([
      { row: 3, field: 'progress', message: 'Choose Not started, On track, At risk or Off track (in a file: not_started, on_track, at_risk or off_track)' },
      { row: 4, field: 'type', message: 'Use organisation, value, strategy or task' },
    ]);
  });
});
