/**
 * What the teams route suites share: the local stack, a direct view of what it stored, and tokens
 * for the people they act as. Call it at the top of a test file: it starts the stack before the
 * file's tests and closes it after, so its fields are set from the first test on.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { ContainerName } from '../../../api/src/data/containers.js';
import { CONTOSO_IDS, FABRIKAM_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';
import { storedDocuments, type StoredDocuments } from './stored-documents.js';

const { tenant, people } = CONTOSO_IDS;

export interface TeamsTestStack {
  api: ApiTestStack;
  stored: StoredDocuments;
  tokens: {
    /** Leader, Operations */
    aisha: string;
    /** Leader, Customer Success */
    daniel: string;
    /** Admin */
    grace: string;
    /** Employee, Operations */
    ben: string;
    /** Fabrikam Admin */
    marc: string;
  };
  /** Runs `act` and proves the Contoso documents in `container` are byte-for-byte what they were. */
  expectNothingWritten(container: ContainerName, act: () => Promise<void>): Promise<void>;
}

export function teamsTestStack(): TeamsTestStack {
  // Filled in by beforeAll; the tokens object keeps its identity so test files may destructure it.
  const stack = {
    tokens: {},
    async expectNothingWritten(container: ContainerName, act: () => Promise<void>) {
      const before = await stack.stored.fingerprint(container, tenant);
      await act();
      expect(await stack.stored.fingerprint(container, tenant)).toEqual(before);
    },
  } as TeamsTestStack;

  beforeAll(async () => {
    stack.api = await startApiTestStack();
    stack.stored = storedDocuments(stack.api.stack);
    const { api } = stack;
    Object.assign(stack.tokens, {
      aisha: await api.tokenFor(tenant, people.aisha),
      daniel: await api.tokenFor(tenant, people.daniel),
      grace: await api.tokenFor(tenant, people.grace),
      ben: await api.tokenFor(tenant, people.ben),
      marc: await api.tokenFor(FABRIKAM_IDS.tenant, FABRIKAM_IDS.people.marc),
    });
  });
  afterAll(async () => {
    stack.stored?.close();
    await stack.api?.close();
  });
  return stack;
}
