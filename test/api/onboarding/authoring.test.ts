import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleSchema, moduleVersionSchema, problemSchema, publishResultSchema } from '../../../api/src/shared/contracts.js';
import { CONTOSO_IDS, FABRIKAM_IDS, moduleBody, startOnboardingTestStack, type OnboardingTestStack } from './onboarding-test-support.js';

const tenant = CONTOSO_IDS.tenant;
let kit: OnboardingTestStack;
let grace: string;
let ben: string;
let marc: string;

beforeAll(async () => {
  kit = await startOnboardingTestStack();
  [grace, ben, marc] = await Promise.all([
    kit.api.tokenFor(tenant, CONTOSO_IDS.people.grace),
    kit.api.tokenFor(tenant, CONTOSO_IDS.people.ben),
    kit.api.tokenFor(FABRIKAM_IDS.tenant, FABRIKAM_IDS.people.marc),
  ]);
});
afterAll(async () => kit?.close());

describe('authoring modules', () => {
  it('creates a draft, edits it with If-Match, publishes an immutable version', async () => {
    const created = await kit.api.request('POST', '/api/modules', { token: grace, json: moduleBody() });
    expect(created.status).toBe(201);
    const module = moduleSchema.parse(created.body);
    expect(module).toMatchObject({ versions: [], latestVersionId: null, hasUnpublishedChanges: true });

    const published = await kit.api.request('POST', `/api/modules/${module.id}/publish`, { token: grace, headers: { 'if-match': module.etag } });
    expect(published.status).toBe(201);
    const { version, module: afterPublish } = publishResultSchema.parse(published.body);
    expect(version).toMatchObject({ version: 1, moduleId: module.id, content: { title: 'Welcome to Contoso' } });
    expect(afterPublish).toMatchObject({ latestVersionId: version.id, hasUnpublishedChanges: false });

    const edited = await kit.api.request('PUT', `/api/modules/${module.id}`, { token: grace, headers: { 'if-match': afterPublish.etag }, json: moduleBody('Welcome, edited') });
    expect(edited.status).toBe(200);
    expect(moduleSchema.parse(edited.body)).toMatchObject({ content: { title: 'Welcome, edited' }, hasUnpublishedChanges: true });

    const frozen = await kit.api.request('GET', `/api/module-versions/${version.id}`, { token: grace });
    expect(moduleVersionSchema.parse(frozen.body).content.title).toBe('Welcome to Contoso');

    const stale = await kit.api.request('PUT', `/api/modules/${module.id}`, { token: grace, headers: { 'if-match': module.etag }, json: moduleBody('Lost update') });
    expect(stale.status).toBe(412);
    expect(problemSchema.parse(stale.body).current).toMatchObject({ content: { title: 'Welcome, edited' } });
    const missing = await kit.api.request('PUT', `/api/modules/${module.id}`, { token: grace, json: moduleBody() });
    expect(missing.status).toBe(428);

    const list = await kit.api.request<{ modules: unknown[] }>('GET', '/api/modules', { token: grace });
    expect(list.body.modules.map((entry) => moduleSchema.parse(entry).id)).toContain(module.id);
  });

  it('refuses bad content with field paths and writes nothing', async () => {
    const before = await kit.fingerprint(tenant);
    const bad = { ...moduleBody(), title: '', sections: [{ id: 'a', title: 'A', blocks: [{ type: 'image', url: 'javascript:alert(1)', alt: 'x' }, { type: 'paragraph', text: 'x', html: '<script>' }] }] };
    const response = await kit.api.request('POST', '/api/modules', { token: grace, json: bad });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(problemSchema.parse(response.body).errors?.map((error) => error.path)).toEqual(expect.arrayContaining(['title', 'sections.0.blocks.0.url', 'sections.0.blocks.1.html']));
    expect(await kit.fingerprint(tenant)).toEqual(before);
  });

  it('is for Leaders and Admins only: an employee gets 403 and nothing is written', async () => {
    const before = await kit.fingerprint(tenant);
    expect((await kit.api.request('POST', '/api/modules', { token: ben, json: moduleBody() })).status).toBe(403);
    expect((await kit.api.request('GET', '/api/modules', { token: ben })).status).toBe(403);
    expect((await kit.api.request('POST', '/api/modules/module-mission/publish', { token: ben, headers: { 'if-match': '"x"' } })).status).toBe(403);
    expect(await kit.fingerprint(tenant)).toEqual(before);
  });

  it('answers 404 for another tenant’s module', async () => {
    const list = await kit.api.request<{ modules: { id: string; etag: string }[] }>('GET', '/api/modules', { token: grace });
    const contosoModule = list.body.modules[0]!;
    expect((await kit.api.request('GET', `/api/modules/${contosoModule.id}`, { token: marc })).status).toBe(404);
    expect((await kit.api.request('PUT', `/api/modules/${contosoModule.id}`, { token: marc, headers: { 'if-match': contosoModule.etag }, json: moduleBody() })).status).toBe(404);
    expect((await kit.api.request('POST', `/api/modules/${contosoModule.id}/publish`, { token: marc, headers: { 'if-match': contosoModule.etag } })).status).toBe(404);
  });
});
