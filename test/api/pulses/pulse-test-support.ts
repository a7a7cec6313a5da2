/**
 * What the pulse API tests share: the onboarding test stack (local stack, embedded Cosmos, fake
 * Graph) with tokens for the Contoso people, a pulse body, and a direct view of the pulses container.
 */
import type { Pulse, PulseResults } from '../../../api/src/shared/pulse-contracts.js';
import { getServices } from '../../../api/src/services.js';
import type { AdjustableClock } from '../../support/clock.js';
import { CONTOSO_IDS, startOnboardingTestStack, type OnboardingTestStack } from '../onboarding/onboarding-test-support.js';
import { storedDocumentsOf, type StoredDocuments } from '../support/stored-documents.js';

export { CONTOSO_IDS, FABRIKAM_IDS } from '../onboarding/onboarding-test-support.js';

export type Person = keyof typeof CONTOSO_IDS.people;

export interface PulseTestStack {
  kit: OnboardingTestStack;
  store: StoredDocuments;
  token(person: Person): Promise<string>;
  open(by: Person, overrides?: Record<string, unknown>): Promise<Pulse>;
  answer(person: Person, pulse: Pulse, value?: number, comment?: string): Promise<number>;
  results(person: Person, pulseId: string): Promise<{ status: number; body: PulseResults }>;
  close(): Promise<void>;
}

export const TENANT = CONTOSO_IDS.tenant;

export function pulseBody(clock: AdjustableClock, overrides: Record<string, unknown> = {}) {
  return {
    title: 'Do we know what we stand for?',
    statements: [{ text: 'I know what we stand for.' }, { text: 'I see how my work serves our strategies.' }, { text: 'My leader talks about why our work matters.' }],
    closesAt: new Date(clock.now().getTime() + 7 * 86_400_000).toISOString(),
    ...overrides,
  };
}

export async function startPulseTestStack(clock: AdjustableClock): Promise<PulseTestStack> {
  const kit = await startOnboardingTestStack({ now: clock.now });
  const store = storedDocumentsOf(kit.api);
  const token = (person: Person) => kit.api.tokenFor(TENANT, CONTOSO_IDS.people[person]);
  return {
    kit,
    store,
    token,
    async open(by, overrides = {}) {
      const response = await kit.api.request<Pulse>('POST', '/api/pulses', { token: await token(by), json: pulseBody(clock, overrides) });
      if (response.status !== 201) throw new Error(`open: ${response.status} ${response.text}`);
      await getServices().notifications.settled(TENANT);
      return response.body;
    },
    async answer(person, pulse, value = 4, comment) {
      const response = await kit.api.request('POST', `/api/pulses/${pulse.id}/responses`, {
        token: await token(person),
        json: { answers: pulse.statements.map((statement) => ({ statementId: statement.id, value })), ...(comment ? { comment } : {}) },
      });
      return response.status;
    },
    async results(person, pulseId) {
      return kit.api.request<PulseResults>('GET', `/api/pulses/${pulseId}/results`, { token: await token(person) });
    },
    async close() {
      store.close();
      await kit.close();
    },
  };
}
