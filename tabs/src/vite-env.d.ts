/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Origin of the API when it isn't the tab's own origin (e.g. https://<function-app>.azurewebsites.net). */
  readonly VITE_API_BASE_URL?: string;
}
