/**
 * One reading of an outcome for both front ends. The action and the CLI print through different sinks (workflow
 * commands, stdout/stderr), but what counts as a failure, what each line says and when the run fails is decided
 * here once, so they cannot disagree (the CLI used to count an accepted-then-undelivered message as sent).
 */
import { describeResult, type DeliveryResult, type NotifyOutcome } from './notify.js';
import type { HttpRequest } from '../transport/types.js';

export interface OutcomeSink {
  info(message: string): void;
  warning(message: string): void;
  /** The run failed and `fail-on-error` is on: the action calls setFailed, the CLI prints an error and exits 1. */
  fail(message: string): void;
}

/** A delivery that did not reach its reader: refused, or accepted and then reported undelivered by the follow-up. */
export function isFailedDelivery(result: DeliveryResult): boolean {
  // A recipient refused next to reached ones (WeCom app `invaliduser`) is a warning, not a failed delivery.
  return (!result.ok && !result.warning) || result.delivery === 'failed';
}

/** A failed delivery in words, naming target and provider once (the provider's own message may already name it). */
function describeFailure(result: DeliveryResult): string {
  return describeResult(
    result,
    result.ok ? `accepted, then not delivered: ${result.deliveryMessage ?? 'no reason given'}` : undefined,
  );
}

function resultLine(result: DeliveryResult): string {
  if (isFailedDelivery(result)) return `FAILED: ${describeFailure(result)}`;
  if (result.warning) return `not reached: ${result.provider} ${result.target}: ${result.message ?? 'refused'}`;
  const id = result.id ? ` (id ${result.id})` : '';
  const delivery = result.delivery ? `, ${result.delivery}` : '';
  return `sent: ${result.provider} ${result.target}${id}${delivery}`;
}

/** The request as a dry run prints it: method, URL, headers, then the body (pretty-printed when it is JSON). */
export function describeRequest(request: HttpRequest): string {
  const headers = Object.entries(request.headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
  return `${request.method} ${request.url}\n${headers}\n\n${prettyBody(request)}`;
}

/** A request body for reading: JSON pretty-printed; anything else (a form body) as sent. */
export function prettyBody(request: HttpRequest): string {
  const body = request.body ?? '';
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/**
 * Reports an outcome line by line and returns whether the run failed (so the CLI can pick its exit code).
 * `provider` names the providers involved, for the closing line.
 */
export function reportOutcome(
  outcome: NotifyOutcome,
  provider: string,
  failOnError: boolean,
  sink: OutcomeSink,
): { failed: boolean } {
  for (const result of outcome.results) {
    if (result.delivery === 'pending')
      sink.warning(`${result.target}: delivery not confirmed: ${result.deliveryMessage ?? 'no answer yet'}`);
    if (result.delivery === 'unsupported' && result.ok)
      sink.warning(`${result.target}: delivery cannot be followed up: ${result.deliveryMessage ?? 'not supported'}`);
  }
  switch (outcome.status) {
    case 'skipped':
      sink.info(`Skipped: ${outcome.reason ?? 'nothing to send'}.`);
      return { failed: false };
    case 'dry-run':
      sink.info(`Dry run: ${outcome.dryRun?.length ?? 0} request(s) would be sent; nothing was sent.`);
      for (const request of outcome.dryRun ?? []) sink.info(`\n${describeRequest(request)}\n`);
      return { failed: false };
    case 'success':
      for (const result of outcome.results) sink.info(resultLine(result));
      sink.info(`Sent ${outcome.results.length} message(s) through ${provider}.`);
      return { failed: false };
    case 'failure': {
      for (const result of outcome.results) sink.info(resultLine(result));
      const failures = outcome.results.filter(isFailedDelivery);
      const text = `${failures.length} of ${outcome.results.length} deliveries through ${provider} failed: ${failures
        .map(describeFailure)
        .join('; ')}`;
      if (!failOnError) {
        sink.warning(`${text} (fail-on-error is false, so the run stays green)`);
        return { failed: false };
      }
      sink.fail(text);
      return { failed: true };
    }
  }
}
