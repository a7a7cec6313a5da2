import type { ApiClient } from '../../../app/api-client';
import type { LoadOutcome } from '../../../app/teams-session';
import { ModulePlayer } from './ModulePlayer';
import { MyOnboardingList } from './MyOnboardingList';

export interface OnboardingPageProps {
  client: ApiClient;
  /** `assignment` opens that module; `from=notification` says a Teams notification's deep link brought the person here. */
  params: Readonly<Record<string, string>>;
  onFirstLoad?: (outcome: LoadOutcome) => void;
}

/** "My onboarding": the modules assigned to me, or one of them opened to read and complete. */
export default function OnboardingPage({ client, params, onFirstLoad }: OnboardingPageProps) {
  const assignmentId = params.assignment;
  return assignmentId ? (
    <ModulePlayer key={assignmentId} client={client} assignmentId={assignmentId} fromNotification={params.from === 'notification'} onFirstLoad={onFirstLoad} />
  ) : (
    <MyOnboardingList client={client} onFirstLoad={onFirstLoad} />
  );
}
