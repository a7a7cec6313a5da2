/**
 * Customer survey waves, their public links and their answers (`pulses` container). A wave lives in
 * its tenant's partition; its link's lookup document in the shared `survey-links` partition, keyed
 * by the token's hash (a public request carries no tenant). Revoking marks the link first, so it is
 * refused from that moment whatever happens next.
 */
import type { Container, Resource } from '@azure/cosmos';
import { SURVEY_LINKS_PARTITION, type SurveyAnswerDocument, type SurveyLinkDocument, type SurveyWaveDocument } from './survey-documents.js';

export type StoredWave = SurveyWaveDocument & Resource;

export interface SurveyRepository {
  create(wave: SurveyWaveDocument, link: SurveyLinkDocument): Promise<void>;
  getWave(tenantId: string, id: string): Promise<StoredWave | undefined>;
  /** Newest first. */
  listWaves(tenantId: string): Promise<StoredWave[]>;
  resolveLink(linkId: string): Promise<SurveyLinkDocument | undefined>;
  revoke(wave: StoredWave, linkId: string): Promise<void>;
  addAnswer(answer: SurveyAnswerDocument): Promise<void>;
  countAnswers(tenantId: string, waveIds: readonly string[]): Promise<Map<string, number>>;
  listAnswers(tenantId: string, waveId: string): Promise<SurveyAnswerDocument[]>;
}

export function createSurveyRepository(container: Container): SurveyRepository {
  async function query<T>(partition: string, text: string, parameters: { name: string; value: string | string[] }[]): Promise<T[]> {
    const { resources } = await container.items.query<T>({ query: text, parameters: [{ name: '@tenantId', value: partition }, ...parameters] }, { partitionKey: partition, maxItemCount: -1 }).fetchAll();
    return resources;
  }
  return {
    async create(wave, link) {
      await container.items.create(link);
      await container.items.create(wave);
    },
    async getWave(tenantId, id) {
      const { resource } = await container.item(id, tenantId).read<StoredWave>();
      return resource?.type === 'surveyWave' && resource.tenantId === tenantId ? resource : undefined;
    },
    listWaves: (tenantId) => query<StoredWave>(tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'surveyWave' ORDER BY c.createdAt DESC", []),
    async resolveLink(linkId) {
      const { resource } = await container.item(linkId, SURVEY_LINKS_PARTITION).read<SurveyLinkDocument>();
      return resource?.type === 'surveyLink' ? resource : undefined;
    },
    async revoke(wave, linkId) {
      const link = await this.resolveLink(linkId);
      if (link) await container.items.upsert({ ...link, revoked: true });
      const fields = Object.fromEntries(Object.entries(wave).filter(([key]) => !key.startsWith('_')));
      await container.item(wave.id, wave.tenantId).replace({ ...fields, status: 'revoked' }, { accessCondition: { type: 'IfMatch', condition: wave._etag } });
    },
    async addAnswer(answer) {
      await container.items.create(answer);
    },
    async countAnswers(tenantId, waveIds) {
      const counts = new Map<string, number>();
      if (waveIds.length === 0) return counts;
      const ids = await query<string>(tenantId, "SELECT VALUE c.waveId FROM c WHERE c.tenantId = @tenantId AND c.type = 'surveyAnswer' AND ARRAY_CONTAINS(@ids, c.waveId)", [{ name: '@ids', value: [...waveIds] }]);
      for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
      return counts;
    },
    listAnswers: (tenantId, waveId) =>
      query<SurveyAnswerDocument>(tenantId, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'surveyAnswer' AND c.waveId = @waveId", [{ name: '@waveId', value: waveId }]),
  };
}
