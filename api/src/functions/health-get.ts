import { publicHandler } from '../http/handler.js';
import { json } from '../http/respond.js';

/** Reported by GET /api/health; bump with api/package.json. */
export const API_VERSION = '0.1.0';

/** GET /api/health — anonymous liveness check; touches no storage. */
export const healthGet = publicHandler(async () => json(200, { status: 'ok', version: API_VERSION }));
