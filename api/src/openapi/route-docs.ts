/** Every route's description, by the name api/src/index.ts registers it under. */
import type { RouteDocs } from './route-doc.js';
import { CORE_ROUTES } from './routes-core.js';
import { MEASURE_ROUTES } from './routes-measure.js';
import { OPERATE_ROUTES } from './routes-operate.js';
import { ONBOARDING_ROUTES } from './routes-onboarding.js';

export const ROUTE_DOCS: RouteDocs = { ...CORE_ROUTES, ...ONBOARDING_ROUTES, ...MEASURE_ROUTES, ...OPERATE_ROUTES };
