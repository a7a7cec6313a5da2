/**
 * Every HTTP route as api/src/index.ts registers it: name, route template and methods. The OpenAPI
 * document is built from this table, so a route can't be registered without being seen there (and
 * a test fails for any registered route the document does not describe).
 */
export interface RegisteredRoute {
  name: string;
  /** As registered, without the `api/` prefix, e.g. `me/tasks/{id}`. */
  route: string;
  methods: readonly string[];
}

const routes = new Map<string, RegisteredRoute>();

export function recordRoute(name: string, route: string | undefined, methods: readonly string[] | undefined): void {
  routes.set(name, { name, route: route ?? name, methods: methods ?? ['GET', 'POST'] });
}

export function registeredRoutes(): RegisteredRoute[] {
  return [...routes.values()];
}
