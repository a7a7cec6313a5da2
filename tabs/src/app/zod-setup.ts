import { config } from 'zod/mini';

/**
 * The tab's and host page's CSP has no 'unsafe-eval'. zod compiles fast parsers with `new Function`
 * unless told not to, and the browser logs each refused attempt. This must run before any schema
 * is built (zod decides when a schema is constructed), so it is imported first.
 */
config({ jitless: true });
