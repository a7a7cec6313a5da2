import type { HttpResponseInit } from '@azure/functions';
import qrcode from 'qrcode-generator';
import { SURVEY_LINKS_PARTITION } from '../data/survey-documents.js';
import type { StoredWave } from '../data/survey-repository.js';
import { statementFigures } from '../domain/pulse/aggregation.js';
import { suppressGroups } from '../domain/pulse/anonymity.js';
import { linkIdOf, newLinkToken, waveFigures } from '../domain/survey/survey-results.js';
import { commonTerms } from '../domain/text-similarity.js';
import { actorOf, requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { parseIdParam } from '../http/route-params.js';
import { API_SECURITY_HEADERS } from '../http/security-headers.js';
import { createSurveySchema, type SurveyResults, type SurveyWave } from '../shared/survey-contracts.js';
import { thresholdOf } from './pulse-support.js';

const publicPath = (wave: StoredWave | { token: string }) => `/api/public/surveys/${wave.token}`;
const toWave = (wave: StoredWave, answers: number): SurveyWave => ({ id: wave.id, title: wave.title, status: wave.status, createdAt: wave.createdAt, publicPath: publicPath(wave), answers });

/** POST /api/surveys { title } (Leader/Admin) → 201 with the wave and its public path (the unguessable link). */
export const surveysCreate = authenticatedHandler(async ({ request, caller, services, newId }) => {
  const authorised = await requireLeader(services, caller);
  const body = await parseJsonBody(request, createSurveySchema);
  if (!body.ok) return body.response;
  const token = newLinkToken();
  const id = newId('survey');
  const wave = { id, tenantId: caller.tenantId, type: 'surveyWave' as const, title: body.value.title, token, status: 'open' as const, createdAt: services.now().toISOString(), createdBy: actorOf(authorised) };
  await services.surveys.create(wave, { id: linkIdOf(token), tenantId: SURVEY_LINKS_PARTITION, type: 'surveyLink', waveTenantId: caller.tenantId, waveId: id, revoked: false });
  const stored = await services.surveys.getWave(caller.tenantId, id);
  return json(201, toWave(stored!, 0));
});

/** GET /api/surveys (Leader/Admin) → every wave with its answer count. */
export const surveysList = authenticatedHandler(async ({ caller, services }) => {
  await requireLeader(services, caller);
  const waves = await services.surveys.listWaves(caller.tenantId);
  const counts = await services.surveys.countAnswers(caller.tenantId, waves.map((wave) => wave.id));
  return json(200, { waves: waves.map((wave) => toWave(wave, counts.get(wave.id) ?? 0)) });
});

/** POST /api/surveys/{id}/revoke (Leader/Admin) → the link stops working at once. */
export const surveysRevoke = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  await requireLeader(services, caller);
  const wave = await services.surveys.getWave(caller.tenantId, id.value);
  if (!wave) return problems.notFound();
  if (wave.status === 'open') await services.surveys.revoke(wave, linkIdOf(wave.token));
  const counts = await services.surveys.countAnswers(caller.tenantId, [wave.id]);
  return json(200, toWave({ ...wave, status: 'revoked' }, counts.get(wave.id) ?? 0));
});

/** GET /api/surveys/{id}/qr (Leader/Admin) → the public link as an SVG QR code (origin from ?origin=, else the request's). */
export const surveysQr = authenticatedHandler(async ({ request, caller, services }): Promise<HttpResponseInit> => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  await requireLeader(services, caller);
  const wave = await services.surveys.getWave(caller.tenantId, id.value);
  if (!wave) return problems.notFound();
  const qr = qrcode(0, 'M');
  qr.addData(new URL(publicPath(wave), new URL(request.url).origin).toString());
  qr.make();
  return { status: 200, headers: { ...API_SECURITY_HEADERS, 'Content-Type': 'image/svg+xml' }, body: qr.createSvgTag({ cellSize: 4, margin: 4, scalable: true }) };
});

/** GET /api/surveys/{id}/results (Leader/Admin): the wave's figures (threshold k applies), the trend, and the employees beside them. */
export const surveysResults = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  await requireLeader(services, caller);
  const { tenantId } = caller;
  const wave = await services.surveys.getWave(tenantId, id.value);
  if (!wave) return problems.notFound();
  const [threshold, organisation, waves, pulses] = await Promise.all([
    thresholdOf(services, tenantId),
    services.strategy.getOrganisation(tenantId),
    services.surveys.listWaves(tenantId),
    services.pulses.listTrend(tenantId, 1),
  ]);
  const reference = { mission: [organisation?.mission, organisation?.vision].filter(Boolean).join(' '), differentiator: organisation?.differentiator ?? '' };
  const answers = await services.surveys.listAnswers(tenantId, wave.id);
  const figures = waveFigures(answers, reference, threshold);
  const trend = await Promise.all(
    waves
      .slice(0, 12)
      .reverse()
      .map(async (other) => {
        const otherFigures = other.id === wave.id ? figures : waveFigures(await services.surveys.listAnswers(tenantId, other.id), { mission: '', differentiator: '' }, threshold);
        return { waveId: other.id, title: other.title, couldSayShare: otherFigures.couldSayShare, consistencyMean: otherFigures.consistency.mean };
      }),
  );
  const latest = pulses[0];
  const employeesShown = latest?.organisation ? suppressGroups({ threshold: latest.threshold, organisation: latest.organisation.respondents, teams: [] }).organisationShown : false;
  const body: SurveyResults = {
    wave: toWave(wave, answers.length),
    threshold,
    ...figures,
    trend,
    employees: latest ? { pulseTitle: latest.title, knowWhatWeStandFor: employeesShown && latest.organisation ? statementFigures(latest.organisation, 0).agreeShare : null } : null,
    commonTerms: answers.length >= threshold ? commonTerms(answers.map((answer) => `${answer.standsFor} ${answer.different}`), 10) : [],
  };
  return json(200, body);
});
