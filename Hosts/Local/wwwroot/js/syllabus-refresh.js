// Keeps a syllabus on screen current while something in it is still moving. Each refresh loads the syllabus once;
// while keepGoing(syllabus) says so, the next one follows after delayMs. Failures back off with jitter (poll.js) and
// give up after maxErrors; a 4xx answer (unknown or malformed id) is final. At most one load and one timer at a time:
// a refresh asked for during a load runs right after it. stop() (or the signal) clears the timer and aborts the load.
import { backoffMs, DEFAULTS } from './poll.js';

export function createSyllabusRefresher({
  load, // (signal) => Promise<syllabus>
  onSyllabus, // (syllabus) => void
  onError, // (error, { final }) => void
  keepGoing, // (syllabus) => boolean
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
    let syllabus;
    try {
      syllabus = await load(loads.signal);
    } catch (error) {
      loading = false;
      if (stopped) return;
      failed(error);
      return;
    }
    loading = false;
    if (stopped) return;
    errors = 0;
    onSyllabus(syllabus);
    if (stopped) return;
    if (again) {
      again = false;
      refresh();
    } else if (keepGoing(syllabus)) {
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
