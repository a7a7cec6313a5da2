/**
 * Customer survey documents (`pulses` container). An answer holds the words and the score a customer
 * gave, and an optional segment: no name, no email, no address, no time, no link to anyone.
 */
import type { AuditActor } from './audit.js';

export interface SurveyWaveDocument {
  id: string;
  tenantId: string;
  type: 'surveyWave';
  title: string;
  /** The link's secret: 32 random bytes, base64url. Leaders see it (it is their link); the public lookup keys on its hash. */
  token: string;
  status: 'open' | 'revoked';
  createdAt: string;
  createdBy: AuditActor;
}

/** Shared partition `survey-links`: hash of a token → its tenant and wave (a public request names no tenant). */
export interface SurveyLinkDocument {
  id: string;
  tenantId: typeof SURVEY_LINKS_PARTITION;
  type: 'surveyLink';
  waveTenantId: string;
  waveId: string;
  revoked: boolean;
}

export interface SurveyAnswerDocument {
  id: string;
  tenantId: string;
  type: 'surveyAnswer';
  waveId: string;
  standsFor: string;
  different: string;
  consistency: number;
  segment: string | null;
}

export const SURVEY_LINKS_PARTITION = 'survey-links';
