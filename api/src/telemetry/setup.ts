/**
 * Installs OpenTelemetry once per process, before the first request:
 * - APPLICATIONINSIGHTS_CONNECTION_STRING set (Azure): `useAzureMonitor` from @azure/monitor-opentelemetry,
 *   exporting with the Function App's managed identity (the component has local auth off, no key).
 * - otherwise LOS_OTEL_EXPORTER=console prints spans and metrics; =otlp sends them to an OTLP/HTTP
 *   collector (OTEL_EXPORTER_OTLP_ENDPOINT, default http://localhost:4318);
 * - otherwise spans are not recorded, but trace ids still exist and travel (traceparent in, problem+json
 *   `traceId`, traceparent to Graph), at almost no cost.
 * A test installs its own in-memory exporters first with installTelemetry(); startTelemetry then leaves them.
 */
import { context, metrics, propagation, trace } from '@opentelemetry/api';
import { MeterProvider, type MetricReader } from '@opentelemetry/sdk-metrics';
import { AlwaysOffSampler, AlwaysOnSampler, NodeTracerProvider, type Sampler, type SpanProcessor } from '@opentelemetry/sdk-trace-node';

export type TelemetryMode = 'azure-monitor' | 'console' | 'otlp' | 'ids-only' | 'custom';

export interface InstalledTelemetry {
  mode: TelemetryMode;
  /** Sends what is buffered (tests, the benchmark). */
  flush(): Promise<void>;
}

let installed: InstalledTelemetry | undefined;

export function installedTelemetry(): InstalledTelemetry | undefined {
  return installed;
}

export interface CustomTelemetry {
  spanProcessors?: SpanProcessor[];
  metricReaders?: MetricReader[];
  /** Default: record every span when there is a processor, none otherwise. */
  sampler?: Sampler;
  mode?: TelemetryMode;
}

/** Registers a tracer provider (with the async-context manager and W3C propagator) and a meter provider. */
export function installTelemetry(custom: CustomTelemetry = {}): InstalledTelemetry {
  if (installed) return installed;
  // OpenTelemetry's globals outlive a module registry (a test runner reusing a process): take them over.
  for (const api of [trace, context, propagation, metrics]) api.disable();
  const spanProcessors = custom.spanProcessors ?? [];
  const tracerProvider = new NodeTracerProvider({
    sampler: custom.sampler ?? (spanProcessors.length > 0 ? new AlwaysOnSampler() : new AlwaysOffSampler()),
    spanProcessors,
  });
  tracerProvider.register();
  const meterProvider = custom.metricReaders?.length ? new MeterProvider({ readers: custom.metricReaders }) : undefined;
  if (meterProvider) metrics.setGlobalMeterProvider(meterProvider);
  installed = {
    mode: custom.mode ?? 'custom',
    async flush() {
      await tracerProvider.forceFlush();
      await meterProvider?.forceFlush();
    },
  };
  return installed;
}

export const OTEL_EXPORTERS = ['console', 'otlp'] as const;

export async function startTelemetry(env: NodeJS.ProcessEnv = process.env): Promise<InstalledTelemetry> {
  if (installed) return installed;
  if (env.APPLICATIONINSIGHTS_CONNECTION_STRING) return startAzureMonitor(env);
  const exporter = env.LOS_OTEL_EXPORTER?.trim().toLowerCase();
  if (exporter === 'console') {
    const { ConsoleSpanExporter, SimpleSpanProcessor } = await import('@opentelemetry/sdk-trace-base');
    const { ConsoleMetricExporter, PeriodicExportingMetricReader } = await import('@opentelemetry/sdk-metrics');
    return installTelemetry({
      mode: 'console',
      spanProcessors: [new SimpleSpanProcessor(new ConsoleSpanExporter())],
      metricReaders: [new PeriodicExportingMetricReader({ exporter: new ConsoleMetricExporter(), exportIntervalMillis: 60_000 })],
    });
  }
  if (exporter === 'otlp') {
    const { BatchSpanProcessor } = await import('@opentelemetry/sdk-trace-base');
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
    return installTelemetry({ mode: 'otlp', spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())] });
  }
  if (exporter) throw new Error(`LOS_OTEL_EXPORTER must be one of ${OTEL_EXPORTERS.join(', ')}, got "${env.LOS_OTEL_EXPORTER}"`);
  return installTelemetry({ mode: 'ids-only' });
}

async function startAzureMonitor(env: NodeJS.ProcessEnv): Promise<InstalledTelemetry> {
  const [{ useAzureMonitor }, { ManagedIdentityCredential, DefaultAzureCredential }] = await Promise.all([
    import('@azure/monitor-opentelemetry'),
    import('@azure/identity'),
  ]);
  const clientId = env.AZURE_CLIENT_ID;
  useAzureMonitor({
    azureMonitorExporterOptions: {
      connectionString: env.APPLICATIONINSIGHTS_CONNECTION_STRING,
      // Entra ID auth with the Function App's user-assigned identity: no instrumentation key is trusted alone.
      credential: clientId ? new ManagedIdentityCredential({ clientId }) : new DefaultAzureCredential(),
    },
    // Our own spans cover HTTP, timers, Cosmos (with RU) and Graph; these would only duplicate them.
    instrumentationOptions: {
      http: { enabled: false },
      azureSdk: { enabled: false },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
    },
  });
  installed = { mode: 'azure-monitor', flush: async () => undefined };
  return installed;
}
