// With several server processes (WORKERS > 1) a scrape of /metrics reaches one of them, chosen by
// node:cluster. So that every scrape sees the whole server, the worker that is asked asks the primary,
// which gathers every worker's metrics (prom-client's AggregatorRegistry: counters and histograms
// summed) and answers over the cluster's IPC channel.
import cluster from "node:cluster";
import { AggregatorRegistry } from "prom-client";

import { metricsRegistry } from "@steward/api";

const REQUEST = "steward:metrics-request";
const ANSWER = "steward:metrics-answer";

interface Answer {
  type: typeof ANSWER;
  id: number;
  text?: string;
  error?: string;
}

/** The primary: answers a worker's request for the whole cluster's metrics. Call once, before forking. */
export function serveClusterMetrics(): void {
  AggregatorRegistry.setRegistries([metricsRegistry]);
  const aggregator = new AggregatorRegistry();
  cluster.on("message", (worker, message: { type?: string; id?: number }) => {
    if (message.type !== REQUEST || typeof message.id !== "number") return;
    const id = message.id;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: ANSWER, id, text } satisfies Answer),
      (error: unknown) => worker.send({ type: ANSWER, id, error: String(error) } satisfies Answer),
    );
  });
}

/** A worker: answers the primary's requests for its own metrics, and returns how /metrics asks for everyone's. */
export function clusterMetricsCollector(): () => Promise<{ contentType: string; text: string }> {
  AggregatorRegistry.setRegistries([metricsRegistry]);
  // Constructing one installs prom-client's listener for the primary's requests.
  const aggregator = new AggregatorRegistry();
  const waiting = new Map<number, (answer: Answer) => void>();
  let next = 0;
  process.on("message", (message: Answer) => {
    if (message.type !== ANSWER) return;
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });
  return () =>
    new Promise((resolve, reject) => {
      const id = next++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error("The primary process did not answer for the other processes' metrics within 10 seconds."));
      }, 10_000);
      waiting.set(id, (answer) => {
        clearTimeout(timer);
        if (answer.text !== undefined) resolve({ contentType: aggregator.contentType, text: answer.text });
        else reject(new Error(answer.error ?? "The primary process could not gather the metrics."));
      });
      process.send?.({ type: REQUEST, id });
    });
}
