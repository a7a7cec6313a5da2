/**
 * Every environment variable the API (or the Functions host and Azure SDK it runs on) reads, where
 * its value comes from, and why. The code keeps reading process.env where it always did; this list
 * is what test/infra checks against: each variable the code reads is listed here, each one marked
 * `bicep` is set in infra/modules/function-app.bicep and nothing else is, and the local-only ones
 * never reach Azure.
 */

export type SettingSource =
  /** Set by the deployment (function app settings in Bicep). */
  | 'bicep'
  /** Optional in Azure: the default is right there; set only to point somewhere else (tests, other clouds). */
  | 'optional'
  /** Set by the Azure Functions platform itself; read to tell an Azure host from a developer machine. */
  | 'platform'
  /** Local stack and tests only: refused or meaningless in Azure, never in Bicep. */
  | 'local';

export interface AppSetting {
  readonly source: SettingSource;
  /** Who reads it: our code, the Functions host, or the Azure SDK (DefaultAzureCredential). */
  readonly readBy: 'api' | 'functions-host' | 'azure-sdk';
  readonly purpose: string;
}

export const APP_SETTINGS = {
  AzureWebJobsStorage__accountName: { source: 'bicep', readBy: 'functions-host', purpose: 'Host storage account (timer locks, deployment), reached with the identity.' },
  AzureWebJobsStorage__credential: { source: 'bicep', readBy: 'functions-host', purpose: '"managedidentity": no connection string or key.' },
  AzureWebJobsStorage__clientId: { source: 'bicep', readBy: 'functions-host', purpose: 'Which user-assigned identity the host uses for its storage.' },
  APPLICATIONINSIGHTS_CONNECTION_STRING: { source: 'bicep', readBy: 'api', purpose: 'Where telemetry goes: the host\'s, and the API\'s OpenTelemetry (useAzureMonitor, exporting with the managed identity; telemetry/setup.ts).' },
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: { source: 'bicep', readBy: 'functions-host', purpose: 'Telemetry sent with the identity (the component has local auth off).' },
  AZURE_CLIENT_ID: { source: 'bicep', readBy: 'azure-sdk', purpose: 'DefaultAzureCredential picks the user-assigned identity for Cosmos DB.' },
  MANAGED_IDENTITY_CLIENT_ID: { source: 'bicep', readBy: 'api', purpose: 'The identity whose token is the Graph client assertion (federated credential).' },
  COSMOS_ENDPOINT: { source: 'bicep', readBy: 'api', purpose: 'Cosmos DB account; signs in with Entra ID (no key in Azure).' },
  AUTH_CLIENT_ID: { source: 'bicep', readBy: 'api', purpose: 'App registration client id: the audience of v2 SSO tokens.' },
  AUTH_APP_ID_URI: { source: 'bicep', readBy: 'api', purpose: 'App ID URI api://<tab domain>/<client id>: the audience of v1 SSO tokens.' },
  GRAPH_CLIENT_ID: { source: 'bicep', readBy: 'api', purpose: 'The app registration that calls Microsoft Graph; without it Graph features stay off.' },
  PULSE_MARKER_WRAP_URI: { source: 'bicep', readBy: 'api', purpose: 'Key Vault key that wraps each pulse\'s marker secret (not a secret: a key id; only the identity may use the key).' },
  TEAMS_APP_ID: { source: 'bicep', readBy: 'api', purpose: 'Teams app manifest id: notifications find the app in each tenant\'s app catalog by it (externalId) and send that catalog id.' },
  TENANT_SIGNUP: { source: 'bicep', readBy: 'api', purpose: 'Which organisations may sign up: open | allow-list (ALLOWED_TENANT_IDS) | closed; default allow-list.' },
  ALLOWED_TENANT_IDS: { source: 'bicep', readBy: 'api', purpose: 'Tenant ids that may sign up under TENANT_SIGNUP=allow-list (comma-separated).' },
  SIGNUP_CONSENT_REDIRECT_URI: { source: 'bicep', readBy: 'api', purpose: 'The tab\'s consent-complete page, where admin consent returns (a reply URL of the app registration).' },

  AUTH_JWKS_URL: { source: 'optional', readBy: 'api', purpose: 'Entra signing keys; default the public multi-tenant key set.' },
  GRAPH_BASE_URL: { source: 'optional', readBy: 'api', purpose: 'Microsoft Graph; default https://graph.microsoft.com.' },
  TASK_SYNC_PER_PERSON_PER_SECOND: { source: 'optional', readBy: 'api', purpose: 'Graph calls per person per second of the Planner / To Do sync; default 8.' },
  GRAPH_TENANT_AUTHORITY: { source: 'optional', readBy: 'api', purpose: 'Token endpoint authority; default https://login.microsoftonline.com.' },
  LOS_RATE_LIMIT_WINDOW_SECONDS: { source: 'optional', readBy: 'api', purpose: 'Rate limit window; default 60 s (http/rate-limit-config.ts).' },
  LOS_RATE_LIMIT_PERSON: { source: 'optional', readBy: 'api', purpose: 'Requests per person and window; default in http/rate-limit-config.ts.' },
  LOS_RATE_LIMIT_PERSON_EXPENSIVE: { source: 'optional', readBy: 'api', purpose: 'Expensive requests per person and window.' },
  LOS_RATE_LIMIT_TENANT: { source: 'optional', readBy: 'api', purpose: 'Requests per tenant and window.' },
  LOS_RATE_LIMIT_TENANT_EXPENSIVE: { source: 'optional', readBy: 'api', purpose: 'Expensive requests per tenant and window.' },
  LOS_RATE_LIMIT_AUTH_FAILURES_PER_ADDRESS: { source: 'optional', readBy: 'api', purpose: 'Failed sign-ins per client address and window.' },
  LOS_SURVEY_RATE_LIMIT_PER_LINK: { source: 'optional', readBy: 'api', purpose: 'Public survey answers per link per minute; default 120.' },
  LOS_SURVEY_RATE_LIMIT_PER_CLIENT: { source: 'optional', readBy: 'api', purpose: 'Public survey answers per client address per minute; default 5.' },
  LOS_HEALTH_KEY: { source: 'optional', readBy: 'api', purpose: 'Key the operator\'s probe sends in X-Health-Key to read GET /api/health/ready for every tenant (a Key Vault reference); unset, only Admins read it, for their tenant.' },
  LOS_OTEL_EXPORTER: { source: 'local', readBy: 'api', purpose: 'console | otlp: print spans and metrics, or send them to OTEL_EXPORTER_OTLP_ENDPOINT; unset, spans are not recorded (trace ids still travel). In Azure, APPLICATIONINSIGHTS_CONNECTION_STRING switches on Azure Monitor instead.' },
  OTEL_EXPORTER_OTLP_ENDPOINT: { source: 'local', readBy: 'azure-sdk', purpose: 'Where LOS_OTEL_EXPORTER=otlp sends spans (read by the OpenTelemetry exporter); default http://localhost:4318.' },
  NODE_ENV: { source: 'optional', readBy: 'api', purpose: '"production" refuses dev sign-in even on a host with no Azure marker.' },
  LOS_DIRECTORY_SYNC_PAGE_DELAY_MS: { source: 'optional', readBy: 'api', purpose: 'Pause between two Graph page reads of the directory sync; default 200 ms (directory/directory-sync.ts).' },
  COSMOS_MAX_SOCKETS: { source: 'optional', readBy: 'api', purpose: 'Connections per Cosmos endpoint; default 64 (data/cosmos-client.ts).' },
  COSMOS_IDLE_SOCKET_MS: { source: 'optional', readBy: 'api', purpose: 'Idle Cosmos connections closed after this; default 20 s.' },
  COSMOS_REQUEST_TIMEOUT_MS: { source: 'optional', readBy: 'api', purpose: 'Cosmos request timeout; default 10 s.' },

  WEBSITE_INSTANCE_ID: { source: 'platform', readBy: 'api', purpose: 'Marks an Azure host: dev sign-in and fixed Graph assertions are refused there.' },
  WEBSITE_SITE_NAME: { source: 'platform', readBy: 'api', purpose: 'Marks an Azure host (with FUNCTIONS_WORKER_RUNTIME).' },
  FUNCTIONS_WORKER_RUNTIME: { source: 'platform', readBy: 'api', purpose: 'Marks an Azure host (with WEBSITE_SITE_NAME).' },
  IDENTITY_ENDPOINT: { source: 'platform', readBy: 'api', purpose: 'Managed identity endpoint: marks an Azure host.' },
  IDENTITY_HEADER: { source: 'platform', readBy: 'api', purpose: 'Managed identity header: marks an Azure host.' },

  LOS_DEV_AUTH: { source: 'local', readBy: 'api', purpose: 'Dev sign-in with locally minted tokens; refused on an Azure host.' },
  LOS_DEV_SIGNING_KEY_FILE: { source: 'local', readBy: 'api', purpose: 'Where npm start keeps the dev signing key (its data folder), so tokens survive a restart.' },
  LOS_DATA_DIR: { source: 'local', readBy: 'api', purpose: 'npm start\'s data folder; default .data/ at the repository root.' },
  COSMOS_STARTUP_TIMEOUT_MS: { source: 'local', readBy: 'api', purpose: 'How long the local stack waits for Cosmos to answer at start; default 20 s.' },
  COSMOS_KEY: { source: 'local', readBy: 'api', purpose: 'Key of the embedded server or the emulator; Azure Cosmos DB has keys disabled.' },
  LOS_COSMOS_ALLOW_SELF_SIGNED: { source: 'local', readBy: 'api', purpose: 'Trusts the embedded server\'s self-signed certificate.' },
  GRAPH_CLIENT_ASSERTION: { source: 'local', readBy: 'api', purpose: 'Fixed client assertion for the fake Graph; refused on an Azure host.' },
  PORT: { source: 'local', readBy: 'api', purpose: 'Port of the local stack.' },
} as const satisfies Record<string, AppSetting>;

export type AppSettingName = keyof typeof APP_SETTINGS;
