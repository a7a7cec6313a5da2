// azd postprovision hook (azure.yaml): once Azure exists, the Microsoft 365 Agents Toolkit points the
// app registration at it (App ID URI on the tab's domain, scope, roles, Graph permissions, the
// federated credential for the API's identity) and builds the Teams app package for it. azd passes
// its outputs (TAB_DOMAIN, ...) as environment variables; the toolkit prefers them to env/.env.<name>.
import { atk, assertEnvironmentName, AZURE_OUTPUTS_FOR_TOOLKIT, requireValues, runHook } from './toolkit-env.js';

runHook('postprovision', () => {
  const envName = assertEnvironmentName(process.env.AZURE_ENV_NAME);
  requireValues(process.env, AZURE_OUTPUTS_FOR_TOOLKIT, 'The azd environment (outputs of infra/main.bicep)');

  atk('deploy', envName);

  console.log(
    `Entra app and Teams app package ready (appPackage/build/appPackage.${envName}.zip).\n` +
      `Publish it to your organisation's app catalog once, as a Teams admin: npx atk publish --env ${envName}`,
  );
});
