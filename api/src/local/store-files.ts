/**
 * The embedded store's files in its data folder (`.data/` for `npm start`):
 *
 * - `cosmos-snapshot.jsonl`: a header line `{"format":1,"generation":g}`, then one record per line.
 * - `cosmos-journal-<g>.jsonl`: the changes made since snapshot g, one line per group of records,
 *   each line a JSON array, appended and fdatasync'ed before any response that reports one of its
 *   changes is sent (group commit: changes made while a sync runs share the next one).
 *
 * A line is a whole group or nothing: a crash in the middle of an append leaves a last line without
 * its newline, which is dropped at the next start (no response had reported it). A new snapshot is
 * written to a temporary file, synced and renamed over the old one, then the old journal goes; a
 * journal whose generation is not the snapshot's is never read, so a crash between the two steps
 * loses nothing and applies nothing twice.
 */
import { constants } from 'node:fs';
import { mkdir, open, readFile, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

export const SNAPSHOT_FILE = 'cosmos-snapshot.jsonl';
const JOURNAL_FILE = /^cosmos-journal-(\d+)\.jsonl$/;
const journalFile = (generation: number) => `cosmos-journal-${generation}.jsonl`;
const FORMAT = 1;

export class StoreFilesError extends Error {
  override readonly name = 'StoreFilesError';
}

export interface StoredState<R> {
  generation: number;
  /** The snapshot's records, then the journal's, in the order they were made. */
  records: R[];
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function parseLine<T>(line: string, where: string): T {
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new StoreFilesError(`The local store is damaged (${where}). Start afresh with: npm start -- --reset`);
  }
}

/** Reads the snapshot and its journal (an empty state when the folder holds neither). */
export async function readStoredState<R>(dir: string): Promise<StoredState<R>> {
  const snapshot = await readIfExists(join(dir, SNAPSHOT_FILE));
  const records: R[] = [];
  let generation = 0;
  if (snapshot !== undefined) {
    const lines = snapshot.split('\n');
    if (lines.at(-1) !== '') throw new StoreFilesError(`The local store is damaged (${SNAPSHOT_FILE} is incomplete). Start afresh with: npm start -- --reset`);
    const header = parseLine<{ format?: number; generation?: number }>(lines[0] ?? '', `${SNAPSHOT_FILE} line 1`);
    if (header.format !== FORMAT || !Number.isInteger(header.generation)) {
      throw new StoreFilesError(`${SNAPSHOT_FILE} is not a snapshot this version can read. Start afresh with: npm start -- --reset`);
    }
    generation = header.generation!;
    for (let index = 1; index < lines.length - 1; index += 1) records.push(parseLine<R>(lines[index]!, `${SNAPSHOT_FILE} line ${index + 1}`));
  }
  const journal = await readIfExists(join(dir, journalFile(generation)));
  if (journal !== undefined) {
    const lines = journal.split('\n');
    // The last piece has no newline: an append cut short by a crash, never acknowledged.
    lines.pop();
    lines.forEach((line, index) => records.push(...parseLine<R[]>(line, `${journalFile(generation)} line ${index + 1}`)));
  }
  return { generation, records };
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes `records` as snapshot `generation` (atomically: temporary file, sync, rename, sync the
 * folder), then removes every journal but `generation`'s.
 */
export async function writeSnapshot<R>(dir: string, generation: number, records: Iterable<R>): Promise<void> {
  await mkdir(dir, { recursive: true });
  const temporary = join(dir, `${SNAPSHOT_FILE}.tmp`);
  const handle = await open(temporary, 'w');
  try {
    let chunk = `${JSON.stringify({ format: FORMAT, generation })}\n`;
    for (const record of records) {
      chunk += `${JSON.stringify(record)}\n`;
      if (chunk.length > 1 << 20) {
        await handle.writeFile(chunk);
        chunk = '';
      }
    }
    await handle.writeFile(chunk);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, join(dir, SNAPSHOT_FILE));
  await syncDirectory(dir);
  for (const name of await readdir(dir)) {
    const match = JOURNAL_FILE.exec(name);
    if (match && Number(match[1]) !== generation) await rm(join(dir, name), { force: true });
  }
}

/** The append-only journal of one generation, with group commit. */
export class Journal<R> {
  private buffered: R[] = [];
  private appended = 0;
  private synced = 0;
  private writing: Promise<void> | undefined;
  private failure: Error | undefined;

  private constructor(private readonly handle: FileHandle) {}

  static async open<R>(dir: string, generation: number): Promise<Journal<R>> {
    const handle = await open(join(dir, journalFile(generation)), 'a');
    await syncDirectory(dir);
    return new Journal<R>(handle);
  }

  /** Records a change (in memory until the next sync). Synchronous, so a group never splits a request's changes. */
  append(record: R): void {
    this.buffered.push(record);
    this.appended += 1;
  }

  /** Settles once every record appended so far is on disk; rejects for good after a failed write. */
  async durable(): Promise<void> {
    const target = this.appended;
    while (this.synced < target) {
      if (this.failure) throw this.failure;
      if (!this.writing) {
        this.writing = this.writeBuffered().finally(() => {
          this.writing = undefined;
        });
      }
      await this.writing;
    }
  }

  private async writeBuffered(): Promise<void> {
    const records = this.buffered;
    const upTo = this.appended;
    this.buffered = [];
    try {
      await this.handle.writeFile(`${JSON.stringify(records)}\n`);
      await this.handle.datasync();
      this.synced = upTo;
    } catch (error) {
      this.failure = error as Error;
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.durable();
    await this.handle.close();
  }
}

/** Removes the store's files from `dir` (for --reset); returns the names removed. */
export async function removeStoreFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const ours = names.filter((name) => name === SNAPSHOT_FILE || name === `${SNAPSHOT_FILE}.tmp` || JOURNAL_FILE.test(name));
  for (const name of ours) await rm(join(dir, name), { force: true });
  return ours;
}
