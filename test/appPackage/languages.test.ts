/**
 * The app package speaks German and Arabic as well as English: Teams shows the app's name, its
 * description and its activity feed texts in the person's language from de.json and ar.json.
 */
import { describe, expect, it } from 'vitest';
import { APP_PACKAGE_DIR } from '../../appPackage/build.js';
import { checkLanguageFiles, readLanguageFiles, templateParameters, translatableTexts } from '../../appPackage/languages.js';
import { filledManifest } from './filled-manifest.js';

const manifest = filledManifest();
const languages = readLanguageFiles(manifest, APP_PACKAGE_DIR);

describe('the app package in German and Arabic', () => {
  it('names de.json and ar.json, with English as the default', () => {
    expect(manifest.localizationInfo).toMatchObject({ defaultLanguageTag: 'en-us' });
    expect(languages.map((l) => `${l.languageTag}:${l.file}`).sort()).toEqual(['ar:ar.json', 'de:de.json']);
  });

  it('translates every text of the manifest, every activity template with the same parameters, and passes the Localization schema', async () => {
    expect(await checkLanguageFiles(manifest, languages)).toEqual([]);
    const activityTemplates = Object.keys(translatableTexts(manifest)).filter((key) => key.endsWith('.templateText'));
    expect(activityTemplates).toHaveLength(8);
    for (const { strings } of languages) {
      for (const key of activityTemplates) expect(strings[key]).not.toBe(translatableTexts(manifest)[key]);
    }
  });

  it('reports a missing text, a lost parameter, a text the manifest does not have, and a schema breach', async () => {
    const german = languages.find((l) => l.languageTag === 'de')!;
    const { ['description.short']: _dropped, ...withoutShort } = german.strings;
    const broken = {
      ...german,
      strings: {
        ...withoutShort,
        'activities.activityTypes[0].templateText': 'Ihnen wurde {moduleTitle} zugewiesen',
        'staticTabs[7].name': 'Nirgends',
        'name.short': 'Ein Name, der viel zu lang für Teams ist',
      },
    };
    const problems = await checkLanguageFiles(manifest, [broken]);
    expect(problems).toContain('de.json (de): "description.short" is not translated');
    expect(problems).toContain('de.json (de): "activities.activityTypes[0].templateText" has parameters {moduleTitle}, the manifest has {actor,moduleTitle}');
    expect(problems).toContain('de.json (de): "staticTabs[7].name" matches no text of the manifest');
    expect(problems.some((p) => p.startsWith('de.json: schema:') && p.includes('name.short'))).toBe(true);
  });

  it('reads template parameters as Teams fills them', () => {
    expect(templateParameters('{actor} assigned you {moduleTitle} ({actor})')).toEqual(['actor', 'moduleTitle']);
    expect(templateParameters('no parameters')).toEqual([]);
  });
});
