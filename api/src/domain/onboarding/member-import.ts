/**
 * Cohort members from a pasted/uploaded CSV of UPNs or emails: one value per row (first column),
 * an optional header row ("upn", "email", "userPrincipalName"). Every row gets a verdict — add,
 * already a member, duplicate of an earlier row, or an error (not an address, nobody with it) —
 * so a leader sees the whole preview, and the import is applied only when no row is in error. Pure.
 */
import type { PersonDocument } from '../../data/documents.js';
import type { MemberImportPreview } from '../../shared/contracts.js';
import { parseCsv } from '../csv.js';

type PreviewRow = MemberImportPreview['rows'][number];

const HEADER = /^(upn|email|e-mail|mail|userprincipalname)$/i;
const ADDRESS = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

export type MemberCsvResult = { ok: true; rows: { row: number; value: string }[] } | { ok: false; message: string; row?: number };

export function readMemberCsv(text: string, maxRows: number): MemberCsvResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, message: parsed.message, row: parsed.row + 1 };
  const rows = parsed.records.map((record, index) => ({ row: index + 1, value: (record[0] ?? '').trim() }));
  const body = rows.length > 0 && HEADER.test(rows[0]!.value) ? rows.slice(1) : rows;
  if (body.length === 0) return { ok: false, message: 'The file has no rows. Put one UPN or email per row.' };
  if (body.length > maxRows) return { ok: false, message: `Import at most ${maxRows} rows at a time.` };
  return { ok: true, rows: body };
}

/** How a person is found by address: their UPN, or their email when it differs. */
export function addressesOf(person: Pick<PersonDocument, 'upn' | 'email'>): string[] {
  return [person.upn, person.email].filter((value): value is string => Boolean(value)).map((value) => value.toLowerCase());
}

export function previewMemberRows(
  rows: readonly { row: number; value: string }[],
  people: readonly PersonDocument[],
  memberIds: readonly string[],
): { rows: PreviewRow[]; toAdd: string[]; errors: number } {
  const byAddress = new Map<string, PersonDocument>();
  for (const person of people) for (const address of addressesOf(person)) byAddress.set(address, person);
  const members = new Set(memberIds);
  const seen = new Set<string>();
  const toAdd: string[] = [];
  let errors = 0;
  const preview = rows.map(({ row, value }): PreviewRow => {
    if (!ADDRESS.test(value)) {
      errors += 1;
      return { row, value, status: 'error', error: value === '' ? 'Empty row: put a UPN or email here' : 'Not a UPN or email address' };
    }
    const person = byAddress.get(value.toLowerCase());
    if (!person) {
      errors += 1;
      return { row, value, status: 'error', error: 'Nobody in your organisation has this UPN or email' };
    }
    const found = { userId: person.id, displayName: person.displayName };
    if (seen.has(person.id)) return { row, value, status: 'duplicate', ...found };
    seen.add(person.id);
    if (members.has(person.id)) return { row, value, status: 'already_member', ...found };
    toAdd.push(person.id);
    return { row, value, status: 'add', ...found };
  });
  return { rows: preview, toAdd, errors };
}
