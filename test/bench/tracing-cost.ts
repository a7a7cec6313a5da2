/**
 * What tracing costs the home view: GET /api/me/line-of-sight through the full stack with every span
 * recorded and exported (a batch processor and an exporter that serialises each span, as an exporter
 * does before it sends) against spans not recorded (the default off Azure: trace ids still made and
 * propagated). The same stack, alternating rounds, medians. Metrics are recorded in both.
 */
import autocannon from 'autocannon';
import { SamplingDecision, type Sampler, type SamplingResult } from '@opentelemetry/sdk-trace-base';
import { BatchSpanProcessor, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { MetricReader } from '@opentelemetry/sdk-metrics';
import type { LocalStack } from '../../api/src/local/stack.js';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { installTelemetry } from '../../api/src/telemetry/setup.js';

class SwitchableSampler implements Sampler {
  on = false;
  shouldSample(): SamplingResult {
    return { decision: this.on ? SamplingDecision.RECORD_AND_SAMPLED : SamplingDecision.NOT_RECORD };
  }
  toString(): string {
    return `Switchable(${this.on ? 'on' : 'off'})`;
  }
}

class SerialisingExporter implements SpanExporter {
  exported = 0;
  bytes = 0;
  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    for (const span of spans) {
      this.bytes += JSON.stringify({ name: span.name, kind: span.kind, context: span.spanContext(), parent: span.parentSpanContext?.spanId, attributes: span.attributes, start: span.startTime, end: span.endTime, status: span.status }).length;
    }
    this.exported += spans.length;
    done({ code: ExportResultCode.SUCCESS });
  }
  async shutdown(): Promise<void> {}
}

class CollectingReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

const sampler = new SwitchableSampler();
const exporter = new SerialisingExporter();

/** Call before the first stack starts in this process (the app then keeps this provider, spans off). */
export function installSwitchableTracing(): void {
  installTelemetry({ sampler, spanProcessors: [new BatchSpanProcessor(exporter)], metricReaders: [new CollectingReader()] });
}

export interface TracingCost {
  offPerSecond: number;
  onPerSecond: number;
  /** CPU time of the whole process (API, embedded Cosmos thread, load generator) per request: steadier on a busy machine. */
  offCpuMsPerRequest: number;
  onCpuMsPerRequest: number;
  cpuRatio: number;
  /** on / off throughput: 0.95 means tracing made the home view 5% slower. */
  ratio: number;
  spansExported: number;
}

async function rate(stack: LocalStack, token: string, seconds: number): Promise<{ perSecond: number; cpuMsPerRequest: number }> {
  const cpuBefore = process.cpuUsage();
  const result = await autocannon({ url: `${stack.url}/api/me/line-of-sight`, headers: { authorization: `Bearer ${token}` }, connections: 10, duration: seconds });
  const cpu = process.cpuUsage(cpuBefore);
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`home view answered ${result.non2xx} non-2xx and ${result.errors} errors`);
  return { perSecond: result.requests.average, cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / Math.max(1, result.requests.total) };
}

export async function measureTracingCost(stack: LocalStack, { seconds = 5, rounds = 3 } = {}): Promise<TracingCost> {
  const response = await fetch(`${stack.url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenantId: CONTOSO_IDS.tenant, userId: CONTOSO_IDS.people.ben }) });
  const token = ((await response.json()) as { access_token: string }).access_token;
  const off: { perSecond: number; cpuMsPerRequest: number }[] = [];
  const on: { perSecond: number; cpuMsPerRequest: number }[] = [];
  await rate(stack, token, 1);
  try {
    for (let round = 0; round < rounds; round += 1) {
      sampler.on = false;
      off.push(await rate(stack, token, seconds));
      sampler.on = true;
      on.push(await rate(stack, token, seconds));
    }
  } finally {
    sampler.on = false;
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const offPerSecond = median(off.map((run) => run.perSecond));
  const onPerSecond = median(on.map((run) => run.perSecond));
  const offCpuMsPerRequest = median(off.map((run) => run.cpuMsPerRequest));
  const onCpuMsPerRequest = median(on.map((run) => run.cpuMsPerRequest));
  return {
    offPerSecond,
    onPerSecond,
    ratio: onPerSecond / offPerSecond,
    offCpuMsPerRequest,
    onCpuMsPerRequest,
    cpuRatio: onCpuMsPerRequest / offCpuMsPerRequest,
    spansExported: exporter.exported,
  };
}

export function printTracingCost(cost: TracingCost, goal: number): void {
  console.log('Tracing: the home view with every span recorded and exported vs spans off (trace ids still made and propagated)');
  console.log(`  off: ${cost.offPerSecond.toFixed(0)} requests/s   on: ${cost.onPerSecond.toFixed(0)} requests/s   (${cost.spansExported} spans exported)`);
  console.log(`  throughput ratio on/off: ${cost.ratio.toFixed(2)} → ${((1 - cost.ratio) * 100).toFixed(1)}% slower (goal ≤ ${(goal * 100).toFixed(0)}%)`);
  // On a busy machine throughput swings with the neighbours; CPU time per request does not.
  console.log(`  CPU per request: off ${cost.offCpuMsPerRequest.toFixed(2)} ms, on ${cost.onCpuMsPerRequest.toFixed(2)} ms → ratio ${cost.cpuRatio.toFixed(2)}, ${((cost.cpuRatio - 1) * 100).toFixed(1)}% more (goal ≤ ${(goal * 100).toFixed(0)}%; the figure to read when the machine is busy)`);
}
