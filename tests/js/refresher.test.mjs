// Unit tests of the refresher (the syllabus page's, the practice panel's): node --test tests/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRefresher } from '../../Hosts/Local/wwwroot/js/refresher.js';
import { fakeTimers, settle } from './fake-timers.mjs';

const syllabus = (...states) => ({ id: 's1', modules: [{ title: 'm', lessons: states.map((state, i) => ({ id: `m1-l${i + 1}`, state })) }] });
const generating = (s) => s.modules.some((m) => m.lessons.some((l) => l.state === 'generating'));

function apiError(status) {
  const error = new Error(`HTTP ${status}`);
  error.status = status;
  return error;
}

/** A refresher whose loads answer from `answers` in order (an Error answer rejects). */
function harness(answers, options = {}) {
  const timers = fakeTimers();
  const shown = [];
  const errors = [];
  let loads = 0;
  const refresher = createRefresher({
    load: async () => {
      loads += 1;
      const answer = answers.shift();
      if (answer instanceof Error) throw answer;
      return answer;
    },
    onValue: (s) => shown.push(s.modules[0].lessons.map((l) => l.state).join(',')),
    onError: (error, { final }) => errors.push({ message: error.message, final }),
    keepGoing: options.keepGoing ?? generating,
    signal: options.signal,
    delayMs: 500,
    maxErrors: 2,
    random: () => 0,
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
  });
  return { refresher, timers, shown, errors, loads: () => loads };
}

test('it polls while a lesson is generating and stops, with no timer left, once none is', async () => {
  const { refresher, timers, shown } = harness([syllabus('generating', 'pending'), syllabus('completed', 'generating'), syllabus('completed', 'completed')]);

  await refresher.refresh();
  await settle();
  assert.equal(timers.pending.size, 1);
  await timers.fireNext();
  await timers.fireNext();

  assert.deepEqual(shown, ['generating,pending', 'completed,generating', 'completed,completed']);
  assert.deepEqual(timers.delays, [500, 500]);
  assert.equal(timers.pending.size, 0);
  assert.equal(refresher.active, false);
});

test('a syllabus with nothing generating is loaded once', async () => {
  const { refresher, timers, shown } = harness([syllabus('pending', 'failed')]);

  await refresher.refresh();
  await settle();

  assert.deepEqual(shown, ['pending,failed']);
  assert.equal(timers.pending.size, 0);
});

test('a refresh asked for during a load runs once after it instead of in parallel', async () => {
  const { refresher, shown, loads } = harness([syllabus('pending'), syllabus('generating'), syllabus('completed')]);

  refresher.refresh();
  refresher.refresh();
  refresher.refresh();
  await settle();

  assert.equal(loads(), 2);
  assert.deepEqual(shown, ['pending', 'generating']);
});

test('failed loads back off and give up after maxErrors, reporting each and the last as final', async () => {
  const { refresher, timers, errors } = harness([apiError(503), apiError(503), apiError(503)]);

  await refresher.refresh();
  await settle();
  await timers.fireNext();
  await timers.fireNext();

  assert.deepEqual(errors.map((e) => e.final), [false, false, true]);
  assert.deepEqual(timers.delays, [500, 1000]); // backoffMs with random 0: half of 1 s, then half of 2 s
  assert.equal(timers.pending.size, 0);
});

test('a 404 is final at once', async () => {
  const { refresher, timers, errors } = harness([apiError(404)]);

  await refresher.refresh();
  await settle();

  assert.deepEqual(errors, [{ message: 'HTTP 404', final: true }]);
  assert.equal(timers.pending.size, 0);
});

test('aborting the signal clears the pending timer and nothing more is shown', async () => {
  const controller = new AbortController();
  const { refresher, timers, shown } = harness([syllabus('generating'), syllabus('completed')], { signal: controller.signal });

  await refresher.refresh();
  await settle();
  assert.equal(timers.pending.size, 1);
  controller.abort();

  assert.equal(timers.pending.size, 0);
  await refresher.refresh();
  assert.deepEqual(shown, ['generating']);
});

test('keepGoing can hold polling open for a run that has not started any lesson yet', async () => {
  let batchRunning = true;
  const { refresher, timers, shown } = harness([syllabus('pending'), syllabus('completed')], { keepGoing: (s) => batchRunning || generating(s) });

  await refresher.refresh();
  await settle();
  batchRunning = false;
  await timers.fireNext();

  assert.deepEqual(shown, ['pending', 'completed']);
  assert.equal(timers.pending.size, 0);
});
