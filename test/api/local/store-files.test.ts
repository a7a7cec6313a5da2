/**
 * The embedded store's files: what a crash can leave behind is read back safely. A journal line cut
 * short by a crash (never acknowledged) is dropped; a journal of another generation (a crash between
 * writing a new snapshot and removing the old journal) is not applied twice.
 */
import { appendFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Journal, readStoredState, removeStoreFiles, SNAPSHOT_FILE, StoreFilesError, writeSnapshot } from '../../../api/src/local/store-files.js';

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'los-store-files-'));
  folders.push(dir);
  return dir;
}

describe('store files', () => {
  it('reads back the snapshot and the journal, in order, and drops a last line cut short', async () => {
    const dir = await folder();
    await writeSnapshot(dir, 3, [{ n: 1 }, { n: 2 }]);
    const journal = await Journal.open<{ n: number }>(dir, 3);
    journal.append({ n: 3 });
    journal.append({ n: 4 });
    await journal.durable();
    journal.append({ n: 5 });
    await journal.close();
    // What a kill in the middle of an append leaves: part of a line, no newline.
    await appendFile(join(dir, 'cosmos-journal-3.jsonl'), '[{"n":6},{"n"');

    expect(await readStoredState(dir)).toEqual({ generation: 3, records: [{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }, { n: 5 }] });
  });

  it('ignores the journal of an older snapshot, and a new snapshot removes it', async () => {
    const dir = await folder();
    await writeSnapshot(dir, 1, [{ n: 1 }]);
    const old = await Journal.open<{ n: number }>(dir, 1);
    old.append({ n: 2 });
    await old.close();
    // The state with the journal applied is written as snapshot 2; the crash comes before cleaning up.
    await writeFile(join(dir, SNAPSHOT_FILE), `${JSON.stringify({ format: 1, generation: 2 })}\n{"n":1}\n{"n":2}\n`);
    expect(await readStoredState(dir)).toEqual({ generation: 2, records: [{ n: 1 }, { n: 2 }] });

    await writeSnapshot(dir, 3, [{ n: 1 }, { n: 2 }]);
    expect((await readdir(dir)).sort()).toEqual([SNAPSHOT_FILE]);
  });

  it('refuses a damaged line rather than starting with part of the data, and --reset removes only its own files', async () => {
    const dir = await folder();
    await writeSnapshot(dir, 1, [{ n: 1 }]);
    await writeFile(join(dir, 'cosmos-journal-1.jsonl'), 'not json\n[{"n":2}]\n');
    await expect(readStoredState(dir)).rejects.toThrow(StoreFilesError);
    await expect(readStoredState(dir)).rejects.toThrow(/npm start -- --reset/);

    await writeFile(join(dir, 'notes.txt'), 'mine');
    expect((await removeStoreFiles(dir)).sort()).toEqual(['cosmos-journal-1.jsonl', SNAPSHOT_FILE]);
    expect(await readdir(dir)).toEqual(['notes.txt']);
  });

  it('starts empty from an empty or missing folder', async () => {
    expect(await readStoredState(join(await folder(), 'not-yet'))).toEqual({ generation: 0, records: [] });
  });
});
