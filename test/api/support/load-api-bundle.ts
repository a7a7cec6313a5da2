// Run in a child process by test/api/bundle.test.ts: loads a built API bundle the way the Functions
// host's Node worker does (with @azure/functions-core provided) and prints what it registered.
//   node --import tsx test/api/support/load-api-bundle.ts <path to index.js>
import { pathToFileURL } from 'node:url';
import { installFunctionsCoreStandIn, registeredHttpFunctions, registeredTimerFunctions } from '../../../api/src/local/functions-core-stand-in.js';

const bundle = process.argv[2];
if (!bundle) throw new Error('usage: load-api-bundle.ts <bundle>');
installFunctionsCoreStandIn();
await import(pathToFileURL(bundle).href);
const timers = registeredTimerFunctions();
console.log(
  JSON.stringify({
    http: registeredHttpFunctions()
      .filter((fn) => !timers.includes(fn))
      .map((fn) => fn.metadata.name),
    timers: timers.map((fn) => fn.metadata.name),
  }),
);
