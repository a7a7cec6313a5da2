// azd preprovision hook (azure.yaml): before Bicep runs, the Microsoft 365 Agents Toolkit creates
// (first run) or finds (later runs) the Entra app registration and the Teams app of this environment,
// and their ids go into the azd environment, where infra/main.parameters.json reads them.
// Needs a Microsoft 365 sign-in: `npx atk auth login m365`.
import { atk, assertEnvironmentName, ensureEnvironmentFile, IDS_FOR_AZURE, readEnvironmentFile, requireValues, run, runHook } from './toolkit-env.js';

runHook('preprovision', () => {
  const envName = assertEnvironmentName(process.env.AZURE_ENV_NAME);
  const { path, created } = ensureEnvironmentFile(envName);
  if (created) console.log(`Created ${path} for toolkit environment "${envName}" (commit it: it keeps this environment's ids).`);

  atk('provision', envName);

  const ids = requireValues(readEnvironmentFile(envName), IDS_FOR_AZURE, `${path} after atk provision`);
  for (const [key, value] of Object.entries(ids)) run('azd', ['env', 'set', key, value]);
});
