/**
 * The public customer survey (no sign-in): GET /api/public/surveys/{token} serves the page,
 * POST /api/public/surveys/{token}/answers takes an answer (a form post answers with a page, JSON with
 * JSON or problem+json). In order: the link (unknown or revoked → 404), the rate limits per link and
 * per client (429; the address lives only in the limiter's memory for its window), the body (≤ 4 KB,
 * caps per field), the honeypot, the wave's cap; only then one write. Nothing personal is asked or kept.
 */
import { randomUUID } from 'node:crypto';
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { languageOf, SURVEY_PAGE_CSP, surveyFormPage, surveyMessagePage, type SurveyLanguage } from '../domain/survey/survey-page.js';
import { linkIdOf } from '../domain/survey/survey-results.js';
import { publicHandler } from '../http/handler.js';
import { problem, problems } from '../http/problem.js';
import { fieldErrorsFrom, readCapped } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { clientAddress } from '../http/rate-limit.js';
import { API_SECURITY_HEADERS } from '../http/security-headers.js';
import { getServices, type Services } from '../services.js';
import { publicSurveyAnswerSchema, SURVEY_LIMITS } from '../shared/survey-contracts.js';


const TOKEN = /^[A-Za-z0-9_-]{43}$/;

function html(status: number, body: string): HttpResponseInit {
  return { status, headers: { ...API_SECURITY_HEADERS, 'Content-Security-Policy': SURVEY_PAGE_CSP, 'Content-Type': 'text/html; charset=utf-8' }, body };
}

async function openWave(services: Services, token: string | undefined) {
  if (!token || !TOKEN.test(token)) return undefined;
  const link = await services.surveys.resolveLink(linkIdOf(token));
  if (!link || link.revoked) return undefined;
  const wave = await services.surveys.getWave(link.waveTenantId, link.waveId);
  return wave && wave.status === 'open' && wave.token === token ? wave : undefined;
}

/** GET /api/public/surveys/{token}?lang=en|fr → the survey page (HTML, no script). */
export const publicSurveyPage = publicHandler(async (request) => {
  const services = getServices();
  const lang = languageOf(request.query.get('lang'), request.headers.get('accept-language'));
  const wave = await openWave(services, request.params.token);
  if (!wave) return html(404, surveyMessagePage(lang, 'closed'));
  const company = (await services.strategy.getOrganisation(wave.tenantId))?.name ?? '';
  return html(200, surveyFormPage({ lang, company, title: wave.title, action: `/api/public/surveys/${request.params.token}/answers` }));
});

async function readAnswer(request: HttpRequest, isForm: boolean) {
  const bytes = await readCapped(request, SURVEY_LIMITS.maxBodyBytes);
  if (bytes === 'too_large') return { ok: false as const, status: 413 };
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  let data: unknown;
  try {
    data = isForm ? Object.fromEntries(new URLSearchParams(text)) : JSON.parse(text);
  } catch {
    return { ok: false as const, status: 400 };
  }
  const parsed = publicSurveyAnswerSchema.safeParse(data);
  return parsed.success ? { ok: true as const, value: parsed.data } : { ok: false as const, status: 400, errors: fieldErrorsFrom(parsed.error) };
}

/** POST /api/public/surveys/{token}/answers { standsFor, different, consistency, segment?, website (honeypot) } → 201. */
export const publicSurveyAnswer = publicHandler(async (request) => {
  const services = getServices();
  const isForm = (request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
  const isJson = (request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json');
  let lang: SurveyLanguage = languageOf(request.query.get('lang'), request.headers.get('accept-language'));
  const refuse = (status: number, code: string, title: string, page: 'closed' | 'problem' | 'busy', extra: Record<string, string> = {}) =>
    isForm ? { ...html(status, surveyMessagePage(lang, page)), headers: { ...html(status, '').headers, ...extra } } : problem(status, code, title, { headers: extra });

  if (!isForm && !isJson) return problems.unsupportedMediaType();
  const wave = await openWave(services, request.params.token);
  if (!wave) return refuse(404, 'survey_closed', 'This survey link is not open', 'closed');
  try {
    await services.surveyLimits.perLink.consume(wave.id);
    await services.surveyLimits.perClient.consume(clientAddress(request));
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return refuse(429, 'rate_limited', 'Too many answers right now', 'busy', { 'Retry-After': String(Math.max(1, Math.ceil(error.msBeforeNext / 1000))) });
  }
  const answer = await readAnswer(request, isForm);
  if (!answer.ok) {
    if (answer.status === 413) return isForm ? html(413, surveyMessagePage(lang, 'problem')) : problems.payloadTooLarge(SURVEY_LIMITS.maxBodyBytes);
    return isForm ? html(400, surveyMessagePage(lang, 'problem')) : problems.validation(answer.errors ?? [{ path: '', message: 'Send one JSON object' }]);
  }
  lang = answer.value.lang ?? lang;
  // The honeypot: a field people never see. Whatever fills it is a script; refused, nothing written.
  if (answer.value.website) return refuse(400, 'rejected', 'This answer was refused', 'problem');
  const counts = await services.surveys.countAnswers(wave.tenantId, [wave.id]);
  if ((counts.get(wave.id) ?? 0) >= SURVEY_LIMITS.answersPerWave) return refuse(409, 'survey_full', 'This survey has all the answers it takes', 'closed');
  await services.surveys.addAnswer({
    id: `sa-${randomUUID()}`,
    tenantId: wave.tenantId,
    type: 'surveyAnswer',
    waveId: wave.id,
    standsFor: answer.value.standsFor,
    different: answer.value.different,
    consistency: answer.value.consistency,
    segment: answer.value.segment ?? null,
  });
  return isForm ? html(201, surveyMessagePage(lang, 'thanks')) : json(201, { recorded: true });
});

