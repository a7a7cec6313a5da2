/**
 * A stand-in for `@azure/functions-core`, the module the Azure Functions host injects into its
 * Node worker. `@azure/functions` looks for it with a lazy CommonJS `require`; when it is missing
 * the library drops every `app.http` registration ("test mode"). Providing it lets the local host
 * receive the very registrations the Azure host gets: function metadata plus the user handler.
 *
 * It is registered in require's module cache under a virtual file name, so nothing needs to exist
 * on disk and it works the same from TypeScript sources and from compiled dist/.
 */
import Module from 'node:module';

export interface CoreBinding {
  type: string;
  direction?: string;
  route?: string;
  methods?: string[];
  authLevel?: string;
  [key: string]: unknown;
}

export interface CoreFunctionMetadata {
  name: string;
  bindings: Record<string, CoreBinding>;
}

export interface RegisteredFunction {
  metadata: CoreFunctionMetadata;
  handler: (...args: unknown[]) => unknown;
}

interface Disposable {
  dispose(): void;
}

const MODULE_NAME = '@azure/functions-core';
const VIRTUAL_FILENAME = '/virtual/line-of-sight/azure-functions-core.cjs';

/**
 * What the worker would receive; one process, one app, like the real host. Kept on globalThis
 * because `@azure/functions` caches the core module once per process, while test runners may
 * evaluate this module (and the app) more than once.
 */
const SHARED_KEY = Symbol.for('line-of-sight.functions-core-stand-in');
type SharedState = { registeredFunctions: RegisteredFunction[]; installed: boolean };
const globalSlots = globalThis as unknown as Record<symbol, SharedState | undefined>;
const shared: SharedState = (globalSlots[SHARED_KEY] ??= { registeredFunctions: [], installed: false });
const registeredFunctions = shared.registeredFunctions;

function disposable(onDispose: () => void): Disposable {
  let disposed = false;
  return {
    dispose() {
      if (!disposed) onDispose();
      disposed = true;
    },
  };
}

const standIn = {
  version: 'line-of-sight-local',
  programmingModel: undefined as unknown,
  setProgrammingModel(model: unknown): void {
    standIn.programmingModel = model;
  },
  getProgrammingModel(): unknown {
    return standIn.programmingModel;
  },
  registerFunction(metadata: CoreFunctionMetadata, handler: RegisteredFunction['handler']): Disposable {
    // The app module evaluated again (e.g. by a test runner) re-registers: the newest handler wins.
    const existing = registeredFunctions.findIndex((fn) => fn.metadata.name === metadata.name);
    if (existing !== -1) registeredFunctions.splice(existing, 1);
    const entry = { metadata, handler };
    registeredFunctions.push(entry);
    return disposable(() => {
      const index = registeredFunctions.indexOf(entry);
      if (index !== -1) registeredFunctions.splice(index, 1);
    });
  },
  /** App-lifecycle and invocation hooks are not used by this app; accept and ignore them. */
  registerHook(_hookName: string, _callback: unknown): Disposable {
    return disposable(() => undefined);
  },
  log(level: string, category: string, message: string): void {
    if (level === 'error' || level === 'critical' || level === 'warning') console.error(`[${level}] ${category}: ${message}`);
  },
};

type ResolveFilename = (request: string, ...rest: unknown[]) => string;
interface ModuleInternals {
  _resolveFilename: ResolveFilename;
  _cache: Record<string, unknown>;
}

/** Makes `require('@azure/functions-core')` answer with the stand-in. Call before loading the app. */
export function installFunctionsCoreStandIn(): void {
  if (shared.installed) return;
  shared.installed = true;
  const internals = Module as unknown as ModuleInternals;
  const cached = new Module(VIRTUAL_FILENAME);
  cached.filename = VIRTUAL_FILENAME;
  cached.exports = standIn;
  cached.loaded = true;
  internals._cache[VIRTUAL_FILENAME] = cached;

  const resolveFilename = internals._resolveFilename;
  internals._resolveFilename = function resolveWithStandIn(this: unknown, request: string, ...rest: unknown[]): string {
    if (request === MODULE_NAME) return VIRTUAL_FILENAME;
    return resolveFilename.call(this, request, ...rest);
  };
}

export function registeredHttpFunctions(): readonly RegisteredFunction[] {
  return registeredFunctions;
}

/** The timer-triggered registrations (bindings of type timerTrigger, with their NCRONTAB schedule). */
export function registeredTimerFunctions(): readonly RegisteredFunction[] {
  return registeredFunctions.filter((fn) => Object.values(fn.metadata.bindings).some((binding) => binding.type.toLowerCase() === 'timertrigger'));
}
