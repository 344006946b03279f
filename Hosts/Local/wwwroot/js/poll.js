// A polling client for the Durable Functions HTTP management API. Self-contained: copy it into any SPA.
//
//   const controller = new AbortController();
//   const final = await pollStatus(checkStatusPayload, { onStatus: s => render(s), signal: controller.signal });
//
// Follows statusQueryGetUri, waits as Retry-After asks (capped), backs off with jitter on network errors and 5xx,
// accepts camelCase or PascalCase payloads, and stops at a terminal state. Every timer is cleared on abort or finish.

export const TERMINAL_STATES = Object.freeze(['Completed', 'Failed', 'Terminated', 'Canceled']);

export const DEFAULTS = Object.freeze({
  defaultDelayMs: 2000, // when the server sends no Retry-After
  maxDelayMs: 30000, // ceiling for Retry-After and back-off alike
  baseBackoffMs: 1000, // first back-off after an error
  maxErrors: 8, // consecutive failed polls before giving up
});

/** Reads `name` from a payload in camelCase or PascalCase. */
export function field(payload, name) {
  if (payload === null || typeof payload !== 'object') return undefined;
  if (name in payload) return payload[name];
  const pascal = name.charAt(0).toUpperCase() + name.slice(1);
  return payload[pascal];
}

/** The management links of a check-status payload, camelCase, with missing links as null. */
export function managementLinks(payload) {
  const names = ['id', 'statusQueryGetUri', 'sendEventPostUri', 'terminatePostUri', 'suspendPostUri',
    'resumePostUri', 'rewindPostUri', 'restartPostUri', 'purgeHistoryDeleteUri'];
  return Object.fromEntries(names.map((name) => [name, field(payload, name) ?? null]));
}

/** A status object in camelCase: runtimeStatus, customStatus (its own keys camelCased too), output, … */
export function normalizeStatus(payload) {
  const custom = field(payload, 'customStatus');
  return {
    name: field(payload, 'name') ?? null,
    instanceId: field(payload, 'instanceId') ?? null,
    runtimeStatus: field(payload, 'runtimeStatus') ?? null,
    customStatus: custom && typeof custom === 'object' && !Array.isArray(custom) ? camelKeys(custom) : custom ?? null,
    output: field(payload, 'output') ?? null,
    createdTime: field(payload, 'createdTime') ?? null,
    lastUpdatedTime: field(payload, 'lastUpdatedTime') ?? null,
  };
}

export function isTerminal(runtimeStatus) {
  return TERMINAL_STATES.includes(runtimeStatus);
}

/** Milliseconds a Retry-After header asks for (delta-seconds or an HTTP date), capped at maxMs; null when absent or invalid. */
export function retryAfterMs(header, { now = Date.now(), maxMs = DEFAULTS.maxDelayMs } = {}) {
  if (header === null || header === undefined || String(header).trim() === '') return null;
  const text = String(header).trim();
  let ms;
  if (/^\d+$/.test(text)) {
    ms = Number(text) * 1000;
  } else {
    const date = Date.parse(text);
    if (Number.isNaN(date)) return null;
    ms = Math.max(0, date - now);
  }
  return Math.min(ms, maxMs);
}

/**
 * Back-off before retry number `attempt` (0 for the first): the exponential step base·2^attempt capped at maxMs,
 * then "equal jitter": a delay between half the step and the whole step, so clients that failed together spread out.
 */
export function backoffMs(attempt, { baseMs = DEFAULTS.baseBackoffMs, maxMs = DEFAULTS.maxDelayMs, random = Math.random } = {}) {
  const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return step / 2 + random() * (step / 2);
}

/**
 * Polls until the run reaches a terminal state and resolves with its last status (normalized).
 * `checkStatus` is the 202 payload (any casing) or the status URL itself.
 * Options: onStatus(status, response), signal, headers, and for tests fetch, setTimeout, clearTimeout, random, now,
 * plus the numbers in DEFAULTS. Rejects with an AbortError when aborted, or an Error on 4xx or too many failures.
 */
export function pollStatus(checkStatus, options = {}) {
  const settings = { ...DEFAULTS, ...options };
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const setTimer = options.setTimeout ?? globalThis.setTimeout.bind(globalThis);
  const clearTimer = options.clearTimeout ?? globalThis.clearTimeout.bind(globalThis);
  const random = options.random ?? Math.random;
  const now = options.now ?? (() => Date.now());
  const { signal, onStatus, headers } = options;
  const url = typeof checkStatus === 'string' ? checkStatus : field(checkStatus, 'statusQueryGetUri');

  return new Promise((resolve, reject) => {
    if (!url) {
      reject(new TypeError('The check-status payload has no statusQueryGetUri.'));
      return;
    }

    let timer = null;
    let errors = 0;
    let finished = false;

    const finish = (settle, value) => {
      if (finished) return;
      finished = true;
      if (timer !== null) {
        clearTimer(timer);
        timer = null;
      }
      signal?.removeEventListener('abort', onAbort);
      settle(value);
    };
    const onAbort = () => finish(reject, abortError(signal));
    const schedule = (delay) => {
      timer = setTimer(() => {
        timer = null;
        poll();
      }, delay);
    };
    const failed = (error) => {
      errors += 1;
      if (errors > settings.maxErrors) {
        finish(reject, new Error(`Status polling failed ${errors} times in a row: ${error.message}`));
        return;
      }
      schedule(backoffMs(errors - 1, { baseMs: settings.baseBackoffMs, maxMs: settings.maxDelayMs, random }));
    };

    async function poll() {
      if (finished) return;
      let response;
      let body;
      try {
        response = await fetchImpl(url, { headers: { Accept: 'application/json', ...headers }, signal });
        body = await readJson(response);
      } catch (error) {
        if (finished) return;
        if (signal?.aborted) {
          onAbort();
          return;
        }
        failed(error);
        return;
      }
      if (finished) return;

      // A status object is the answer whatever the code (a Failed run may come back as 500).
      const status = body && typeof body === 'object' && field(body, 'runtimeStatus') !== undefined ? normalizeStatus(body) : null;
      if (status === null) {
        if (response.status >= 500 || response.status === 429) {
          failed(new Error(`HTTP ${response.status}`));
        } else {
          finish(reject, new Error(`Status polling stopped: HTTP ${response.status}${problemDetail(body)}`));
        }
        return;
      }

      errors = 0;
      try {
        onStatus?.(status, response);
      } catch (error) {
        finish(reject, error);
        return;
      }
      if (finished) return; // the callback aborted
      if (isTerminal(status.runtimeStatus)) {
        finish(resolve, status);
        return;
      }
      const asked = retryAfterMs(response.headers?.get?.('Retry-After'), { now: now(), maxMs: settings.maxDelayMs });
      schedule(asked ?? Math.min(settings.defaultDelayMs, settings.maxDelayMs));
    }

    if (signal?.aborted) {
      onAbort();
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    poll();
  });
}

async function readJson(response) {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function problemDetail(body) {
  const detail = field(body, 'detail') ?? field(body, 'title');
  return detail ? ` (${detail})` : '';
}

function camelKeys(value) {
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key.charAt(0).toLowerCase() + key.slice(1), inner]));
}

function abortError(signal) {
  if (signal?.reason instanceof Error) return signal.reason;
  const error = new Error('Polling was aborted.');
  error.name = 'AbortError';
  return error;
}
