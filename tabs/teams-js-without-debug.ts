import type { Plugin } from 'vite';

const STUB = '\0line-of-sight:teams-js-debug-stub';
/** teams-js's telemetry imports the `debug` logger it bundles (its own copy, inside its dist). */
const TELEMETRY = /[\\/]@microsoft[\\/]teams-js[\\/]dist[\\/]esm[\\/].*[\\/]internal[\\/]telemetry\.js$/;
const DEBUG = /[\\/]debug[\\/]src[\\/]browser\.js$/;

/**
 * teams-js logs through the `debug` package, which it bundles: its loggers print only when
 * localStorage.debug names them, and the package cost the home view 2 KB gzipped. Its one importer
 * (telemetry.js) gets silent loggers with the same shape instead, so teams-js's own diagnostics are
 * off in this build (our traces and error reports are not affected). If a teams-js release moves
 * or renames this import, nothing is replaced and the build is as before; if it imports other
 * names, the build fails on the missing export.
 */
export function teamsJsWithoutDebug(): Plugin {
  return {
    name: 'line-of-sight:teams-js-without-debug',
    enforce: 'pre',
    resolveId(source, importer) {
      return importer && TELEMETRY.test(importer) && DEBUG.test(source) ? STUB : null;
    },
    load(id) {
      if (id !== STUB) return null;
      return [
        'const silent = Object.assign(() => {}, { enabled: false, log() {}, extend: () => silent });',
        'const debug = Object.assign(() => silent, { formatArgs() {}, enable() {}, disable() {}, enabled: () => false });',
        'export { debug as default };',
        'export const b = { debug };',
      ].join('\n');
    },
  };
}
