// The app package's translations: Teams shows the app's name, description, tab name and activity
// feed texts in the person's Teams language from the files `localizationInfo` names (de.json, ar.json
// next to manifest.json). Each file is checked against the bundled Localization schema, and against
// the manifest: every translatable text is translated, and each activity template keeps exactly the
// manifest's {parameters}, because Teams fills them from what the notification code sends.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';

export interface LanguageFile {
  languageTag: string;
  file: string;
  strings: Record<string, string>;
}

interface LocalizationInfo {
  defaultLanguageTag?: string;
  additionalLanguages?: Array<{ languageTag: string; file: string }>;
}

/** The language files the manifest names, read from `sourceDir`. */
export function readLanguageFiles(manifest: Record<string, unknown>, sourceDir: string): LanguageFile[] {
  const info = (manifest.localizationInfo ?? {}) as LocalizationInfo;
  return (info.additionalLanguages ?? []).map(({ languageTag, file }) => ({
    languageTag,
    file,
    strings: JSON.parse(readFileSync(join(sourceDir, file), 'utf8')) as Record<string, string>,
  }));
}

/** Every text of the manifest a language file must translate, by its localisation key. */
export function translatableTexts(manifest: Record<string, unknown>): Record<string, string> {
  const texts: Record<string, string> = {};
  const name = manifest.name as { short: string; full?: string };
  const description = manifest.description as { short: string; full: string; features?: Array<{ title: string; description: string }> };
  texts['name.short'] = name.short;
  if (name.full) texts['name.full'] = name.full;
  texts['description.short'] = description.short;
  texts['description.full'] = description.full;
  description.features?.forEach((feature, i) => {
    texts[`description.features[${i}].title`] = feature.title;
    texts[`description.features[${i}].description`] = feature.description;
  });
  ((manifest.staticTabs ?? []) as Array<{ name?: string }>).forEach((tab, i) => {
    if (tab.name) texts[`staticTabs[${i}].name`] = tab.name;
  });
  const activities = (manifest.activities as { activityTypes?: Array<{ description: string; templateText: string }> } | undefined)?.activityTypes ?? [];
  activities.forEach((activity, i) => {
    texts[`activities.activityTypes[${i}].description`] = activity.description;
    texts[`activities.activityTypes[${i}].templateText`] = activity.templateText;
  });
  return texts;
}

export const templateParameters = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();

function loadLocalizationSchema(manifestVersion: string): object {
  const packageMain = createRequire(import.meta.url).resolve('@microsoft/app-manifest');
  const path = join(dirname(packageMain), 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.Localization.schema.json');
  // The activity keys' patterns end in a lone `]` ("…\\b]\\.templateText$"), which a Unicode RegExp
  // (as the validator compiles them) refuses; escaping it matches the same keys.
  const raw = readFileSync(path, 'utf8').replace(/\\\\b\]/g, '\\\\b\\\\]');
  return JSON.parse(raw) as object;
}

/** Problems with the manifest's language files; none when every text is translated and well-formed. */
export async function checkLanguageFiles(manifest: Record<string, unknown>, files: readonly LanguageFile[]): Promise<string[]> {
  const problems: string[] = [];
  const schema = loadLocalizationSchema(String(manifest.manifestVersion));
  const texts = translatableTexts(manifest);
  for (const { languageTag, file, strings } of files) {
    type Args = Parameters<typeof AppManifestUtils.validateAgainstSchema>;
    const schemaProblems = await AppManifestUtils.validateAgainstSchema(strings as unknown as Args[0], schema as Args[1]);
    problems.push(...schemaProblems.map((p) => `${file}: schema: ${p}`));
    for (const [key, english] of Object.entries(texts)) {
      const translated = strings[key];
      if (!translated?.trim()) {
        problems.push(`${file} (${languageTag}): "${key}" is not translated`);
        continue;
      }
      const expected = templateParameters(english).join(',');
      const actual = templateParameters(translated).join(',');
      if (expected !== actual) problems.push(`${file} (${languageTag}): "${key}" has parameters {${actual}}, the manifest has {${expected}}`);
    }
    for (const key of Object.keys(strings)) {
      if (key !== '$schema' && !(key in texts)) problems.push(`${file} (${languageTag}): "${key}" matches no text of the manifest`);
    }
  }
  return problems;
}
