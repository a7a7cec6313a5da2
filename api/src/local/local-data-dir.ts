/**
 * The local stack's data folder (`.data/` at the repo root for `npm start`, git-ignored; LOS_DATA_DIR
 * names another): the embedded store's snapshot and journal (store-files.ts) and the dev signing key.
 */
import { constants } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createDevSigningKey, readDevSigningKey } from '../auth/dev-token-issuer.js';
import { removeStoreFiles } from './store-files.js';

export const DEV_SIGNING_KEY_FILE = 'dev-signing-key.json';
/** The fake Microsoft 365's consent and installed apps (fake-m365/local-tenants.ts). */
export const FAKE_M365_STATE_FILE = 'fake-m365.json';

/**
 * The path of the dev signing key kept in `dir`, created (private to this user, synced) when there
 * is none, so tokens issued before a restart are still accepted after it.
 */
export async function keptDevSigningKeyFile(dir: string): Promise<string> {
  const path = join(dir, DEV_SIGNING_KEY_FILE);
  try {
    readDevSigningKey(path);
    return path;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dir, { recursive: true });
  const temporary = `${path}.tmp`;
  const handle = await open(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC, 0o600);
  try {
    await handle.writeFile(JSON.stringify(createDevSigningKey()));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
  return path;
}

/** Deletes what the local stack keeps in `dir` (nothing else); returns the file names removed. */
export async function resetDataDir(dir: string): Promise<string[]> {
  const removed = await removeStoreFiles(dir);
  for (const name of [DEV_SIGNING_KEY_FILE, `${DEV_SIGNING_KEY_FILE}.tmp`, FAKE_M365_STATE_FILE]) {
    try {
      await rm(join(dir, name));
      removed.push(name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return removed;
}
