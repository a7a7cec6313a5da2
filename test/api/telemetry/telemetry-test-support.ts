/**
 * In-memory OpenTelemetry for API tests: installed before the local stack loads the app, so every
 * span and measurement the app makes lands here (api/src/telemetry/setup.ts leaves an installed
 * provider alone).
 */
import { MetricReader, type HistogramMetricData } from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { installTelemetry } from '../../../api/src/telemetry/setup.js';

class TestMetricReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

export interface TestTelemetry {
  spans(): ReadableSpan[];
  reset(): void;
  /** The data points of a histogram by name, as collected now. */
  histogram(name: string): Promise<HistogramMetricData['dataPoints']>;
}

export function installTestTelemetry(): TestTelemetry {
  const exporter = new InMemorySpanExporter();
  const reader = new TestMetricReader();
  installTelemetry({ spanProcessors: [new SimpleSpanProcessor(exporter)], metricReaders: [reader] });
  return {
    spans: () => exporter.getFinishedSpans(),
    reset: () => exporter.reset(),
    async histogram(name) {
      const { resourceMetrics } = await reader.collect();
      const metric = resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics).find((candidate) => candidate.descriptor.name === name);
      return (metric?.dataPoints ?? []) as HistogramMetricData['dataPoints'];
    },
  };
}

export const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
export const PARENT_SPAN_ID = '00f067aa0ba902b7';
export const TRACEPARENT = `00-${TRACE_ID}-${PARENT_SPAN_ID}-01`;

/** A fresh traceparent (random ids) per request, as the tab sends. */
export function newTraceparent(): { traceparent: string; traceId: string; spanId: string } {
  const hex = (bytes: number) => [...crypto.getRandomValues(new Uint8Array(bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const traceId = hex(16);
  const spanId = hex(8);
  return { traceparent: `00-${traceId}-${spanId}-01`, traceId, spanId };
}
