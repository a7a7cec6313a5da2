/**
 * The local stand-in for the Azure Functions host's HTTP side: routes `/api/<route>` to the
 * functions registered through the functions-core stand-in, builds the real `HttpRequest` and
 * `InvocationContext` from `@azure/functions`, calls the handler and writes its response.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import azureFunctions from '@azure/functions';
import type { HttpResponseInit } from '@azure/functions';
import { problem, problems } from '../http/problem.js';
import type { RegisteredFunction } from './functions-core-stand-in.js';
import {
  readNodeBody,
  toFunctionsRequest,
  writeFunctionsResponse,
  type FunctionsHttpResponse,
} from './node-http-bridge.js';
import { compileRouteTemplate, type RouteTemplate } from './route-template.js';

const { InvocationContext } = azureFunctions;

interface HttpRoute {
  fn: RegisteredFunction;
  template: RouteTemplate;
  methods: string[];
  bindingName: string;
}

function httpRoutesOf(functions: readonly RegisteredFunction[]): HttpRoute[] {
  return functions.flatMap((fn) =>
    Object.entries(fn.metadata.bindings)
      .filter(([, binding]) => binding.type.toLowerCase() === 'httptrigger')
      .map(([bindingName, binding]) => ({
        fn,
        bindingName,
        template: compileRouteTemplate(binding.route ?? fn.metadata.name),
        methods: (binding.methods ?? ['GET', 'POST']).map((method) => method.toUpperCase()),
      })),
  );
}

export type FunctionHost = (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void>;

/** `path` is the request path after the `/api/` prefix, without the query string. */
export function createFunctionHost(functions: readonly RegisteredFunction[]): FunctionHost {
  const routes = httpRoutesOf(functions);

  return async (req, res, path) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const matches = routes.flatMap((route) => {
      const params = route.template.match(path);
      return params ? [{ route, params }] : [];
    });
    if (matches.length === 0) {
      req.resume();
      return writeFunctionsResponse(res, problems.notFound('No API route here.'));
    }
    const chosen = matches.find((candidate) => candidate.route.methods.includes(method));
    if (!chosen) {
      req.resume();
      return writeFunctionsResponse(res, problems.methodNotAllowed([...new Set(matches.flatMap((m) => m.route.methods))]));
    }

    const body = await readNodeBody(req);
    if (body === 'too_large') {
      return writeFunctionsResponse(res, problem(413, 'payload_too_large', 'The request body is too large'));
    }
    const { fn, bindingName } = chosen.route;
    const context = new InvocationContext({
      invocationId: randomUUID(),
      functionName: fn.metadata.name,
      options: { trigger: { ...fn.metadata.bindings[bindingName], name: bindingName, type: 'httpTrigger' } },
    });
    try {
      const result = (await fn.handler(toFunctionsRequest(req, body, chosen.params), context)) as
        | HttpResponseInit
        | FunctionsHttpResponse
        | undefined;
      await writeFunctionsResponse(res, result ?? {});
    } catch (error) {
      context.error('Function failed', error);
      await writeFunctionsResponse(res, problems.internal());
    }
  };
}
