import { checkTaskLink, type FieldError, type TaskFieldValues } from '../domain/task-rules.js';
import type { Services } from '../services.js';

/** Looks up the strategy a write links to (one point read, in the caller's tenant) and applies the link rules. */
export async function taskLinkErrors(
  services: Services,
  tenantId: string,
  fields: TaskFieldValues,
  changedStrategy: boolean,
): Promise<FieldError[]> {
  const strategy =
    changedStrategy && fields.strategyId !== null ? await services.strategy.getStrategy(tenantId, fields.strategyId) : undefined;
  return checkTaskLink(fields, strategy ? [strategy] : [], changedStrategy);
}
