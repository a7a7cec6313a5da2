/**
 * Which telemetry the API installs: Azure Monitor (with the managed identity, our own spans instead
 * of its HTTP and Azure SDK instrumentations) only when APPLICATIONINSIGHTS_CONNECTION_STRING is set;
 * otherwise ids-only, or the exporter LOS_OTEL_EXPORTER names. @azure/monitor-opentelemetry is
 * replaced by a spy: the real one would detect Azure resources over the network.
 */
import { ManagedIdentityCredential } from '@azure/identity';
import { afterEach, describe, expect, it, vi } from 'vitest';

const useAzureMonitor = vi.fn();
vi.mock('@azure/monitor-opentelemetry', () => ({ useAzureMonitor }));

async function freshSetup() {
  vi.resetModules();
  return import('../../../api/src/telemetry/setup.js');
}

afterEach(() => useAzureMonitor.mockClear());

describe('startTelemetry', () => {
  it('leaves Azure Monitor off without a connection string: trace ids only', async () => {
    const { startTelemetry } = await freshSetup();
    expect((await startTelemetry({})).mode).toBe('ids-only');
    expect(useAzureMonitor).not.toHaveBeenCalled();
  });

  it('uses Azure Monitor with the connection string and the user-assigned identity, without duplicate instrumentations', async () => {
    const { startTelemetry } = await freshSetup();
    const connectionString = 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/';
    const installed = await startTelemetry({ APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString, AZURE_CLIENT_ID: '11111111-1111-1111-1111-111111111111' });
    expect(installed.mode).toBe('azure-monitor');
    expect(useAzureMonitor).toHaveBeenCalledTimes(1);
    const options = useAzureMonitor.mock.calls[0]![0] as { azureMonitorExporterOptions: { connectionString: string; credential: unknown }; instrumentationOptions: Record<string, { enabled: boolean }> };
    expect(options.azureMonitorExporterOptions.connectionString).toBe(connectionString);
    expect(options.azureMonitorExporterOptions.credential).toBeInstanceOf(ManagedIdentityCredential);
    expect(options.instrumentationOptions.http?.enabled).toBe(false);
    expect(options.instrumentationOptions.azureSdk?.enabled).toBe(false);
    // Once per process.
    await startTelemetry({ APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString });
    expect(useAzureMonitor).toHaveBeenCalledTimes(1);
  });

  it('refuses an unknown LOS_OTEL_EXPORTER instead of silently exporting nothing', async () => {
    const { startTelemetry } = await freshSetup();
    await expect(startTelemetry({ LOS_OTEL_EXPORTER: 'jaeger' })).rejects.toThrow(/console, otlp/);
  });
});
