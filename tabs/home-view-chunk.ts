import type { Plugin } from 'vite';

/** The modules the home view starts from: the shell, the home page, the panel it renders, the error reporter. */
const HOME_ROOTS = [
  /[\\/]tabs[\\/]src[\\/]main\.tsx$/,
  /[\\/]features[\\/]line-of-sight[\\/]components[\\/]LineOfSightPage\.tsx$/,
  /[\\/]features[\\/]task-sources[\\/]components[\\/]TaskSourcesPanel\.tsx$/,
  /[\\/]tabs[\\/]src[\\/]app[\\/]error-reporter\.ts$/,
];
/** What must stay out of the group: the boot entry, the page outside Teams and the consent pages keep their own small download. */
const OTHER_ROOTS = [/[\\/]tabs[\\/]src[\\/]boot\.ts$/, /[\\/]components[\\/]outside-teams-page\.ts$/, /[\\/]tabs[\\/][^\\/]+\.html$/];
/** Modules with a group of their own (vite.config.ts), and catalogues, fetched per language. */
/** Classic zod's entry (the lazily loaded areas' contracts). */
const CLASSIC_ZOD = /node_modules[\\/]zod[\\/](index\.js|v4[\\/]classic[\\/])/;
/** Packages the home view draws on (the parts of them left after tree-shaking; index files re-export too much to follow). */
const HOME_PACKAGES = new RegExp(
  [
    String.raw`@lingui[\/]core[\/]`,
    String.raw`@griffel[\/](core|react)[\/]`,
    String.raw`@fluentui[\/]react-text[\/]lib[\/]components[\/](Text|presets[\/](createPreset|Body1|Caption1|Subtitle1|Subtitle2|Title2)\b)`,
    String.raw`@fluentui[\/]react-utilities[\/]lib[\/]hooks[\/](useEventCallback|useIsomorphicLayoutEffect)\.`,
    String.raw`@fluentui[\/]keyboard-keys[\/]`,
    String.raw`@fluentui[\/]react-jsx-runtime[\/]`,
    String.raw`@fluentui[\/]react-utilities[\/]lib[\/]ssr[\/]canUseDOM\.`,
    String.raw`@fluentui[\/]react-icons[\/]lib[\/](utils|contexts|providers)`,
  ]
    .map((path) => String.raw`node_modules[\/]` + path)
    .join('|'),
);
const OWN_GROUP = /node_modules[\\/](react|react-dom|scheduler|@microsoft[\\/]teams-js|zod)[\\/]|\?/;

/**
 * One chunk for the modules the home view shares with the lazily loaded areas. Left to itself, rolldown
 * splits them by which areas share them into ~20 small chunks, each compressed on its own (about 5 KB of
 * gzip the home view paid for nothing). The group is built from the home view's own static imports, found
 * after the module graph is complete, without the shell and pages themselves (so index.html still loads the
 * shell lazily) and without what the boot entry or the page outside Teams load.
 */
export function homeViewChunk(): { plugin: Plugin; test: (id: string) => boolean } {
  const members = new Set<string>();
  const plugin: Plugin = {
    name: 'line-of-sight:home-view-chunk',
    apply: 'build',
    buildEnd() {
      members.clear();
      const ids = [...this.getModuleIds()];
      const classic = new Set<string>();
      const closure = (roots: RegExp[]) => {
        const seen = new Set<string>();
        const queue = ids.filter((id) => roots.some((root) => root.test(id)));
        for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
          if (seen.has(id)) continue;
          seen.add(id);
          // Not into packages: their index files re-export everything, most of it for the lazy areas only.
          const imported = this.getModuleInfo(id)?.importedIds ?? [];
          if (/node_modules/.test(id)) continue;
          // The shared contracts re-export the lazy areas' contracts, written in classic zod: those stay out too.
          if (imported.some((dep) => CLASSIC_ZOD.test(dep))) classic.add(id);
          else queue.push(...imported);
        }
        return seen;
      };
      const others = closure(OTHER_ROOTS);
      for (const id of closure(HOME_ROOTS)) {
        if (HOME_ROOTS.some((root) => root.test(id)) || others.has(id) || classic.has(id) || OWN_GROUP.test(id) || /node_modules/.test(id)) continue;
        members.add(id);
      }
    },
  };
  return { plugin, test: (id) => members.has(id) || HOME_PACKAGES.test(id) };
}
