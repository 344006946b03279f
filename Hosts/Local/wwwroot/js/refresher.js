// Keeps something on screen current while it is still moving (a syllabus whose lessons generate, a practice session
// awaiting a reply). Each refresh loads it once; while keepGoing(value) says so, the next one follows after delayMs. Failures back off with jitter (poll.js) and
// give up after maxErrors; a 4xx answer (unknown or malformed id) is final. At most one load and one timer at a time:
// a refresh asked for during a load runs right after it. stop() (or the signal) clears the timer and aborts the load.
import { backoffMs, DEFAULTS } from './poll.js';

export function createRefresher({
  load, // (signal) => Promise<value>
  onValue, // (value) => void
  onError, // (error, { final }) => void
  keepGoing, // (value) => boolean
  signal,
  delayMs = 1000,
  maxErrors = DEFAULTS.maxErrors,
  setTimeout: setTimer = globalThis.setTimeout.bind(globalThis),
  clearTimeout: clearTimer = globalThis.clearTimeout.bind(globalThis),
  random = Math.random,
}) {
  const loads = new AbortController();
  let timer = null;
  let loading = false;
  let again = false;
  let errors = 0;
  let stopped = false;

  const stop = () => {
    if (stopped) return;
    stopped = true;
    cancelTimer();
    loads.abort();
    signal?.removeEventListener('abort', stop);
  };
  signal?.addEventListener('abort', stop, { once: true });
  if (signal?.aborted) stop();

  function cancelTimer() {
    if (timer !== null) {
      clearTimer(timer);
      timer = null;
    }
  }

  function schedule(ms) {
    cancelTimer();
    timer = setTimer(() => {
      timer = null;
      refresh();
    }, ms);
  }

  async function refresh() {
    if (stopped) return;
    if (loading) {
      again = true;
      return;
    }
    cancelTimer();
    loading = true;
    let value;
    try {
      value = await load(loads.signal);
    } catch (error) {
      loading = false;
      if (stopped) return;
      failed(error);
      return;
    }
    loading = false;
    if (stopped) return;
    errors = 0;
    onValue(value);
    if (stopped) return;
    if (again) {
      again = false;
      refresh();
    } else if (keepGoing(value)) {
      schedule(delayMs);
    }
  }

  function failed(error) {
    again = false;
    errors += 1;
    const final = (error?.status >= 400 && error.status < 500 && error.status !== 429) || errors > maxErrors;
    onError(error, { final });
    if (!final) schedule(backoffMs(errors - 1, { random }));
  }

  return {
    refresh,
    stop,
    get active() {
      return !stopped && (loading || timer !== null);
    },
  };
}
