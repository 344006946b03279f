// Unit tests of the SPA's polling client: node --test tests/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffMs, managementLinks, pollStatus, retryAfterMs } from '../../Hosts/Local/wwwroot/js/poll.js';
import { fakeTimers, settle } from './fake-timers.mjs';

const STATUS_URL = 'http://127.0.0.1:1/runtime/webhooks/durabletask/instances/run-1';

function fakeFetch(answers) {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push({ url, init });
    const answer = answers.shift();
    if (!answer) throw new Error('no more answers');
    if (answer instanceof Error) throw answer;
    return new Response(answer.body === undefined ? '' : JSON.stringify(answer.body), { status: answer.status, headers: answer.headers ?? {} });
  };
  return { fetch, calls };
}

const running = (percent, headers) => ({ status: 202, headers, body: { runtimeStatus: 'Running', customStatus: { stage: 'research', percent } } });
const completed = { status: 200, body: { runtimeStatus: 'Completed', output: { version: '1.0' } } };

test('back-off doubles from the base and stops growing at the ceiling', () => {
  const whole = () => 0.999999;
  const steps = [0, 1, 2, 3, 4, 5, 6].map((attempt) => Math.round(backoffMs(attempt, { baseMs: 1000, maxMs: 10000, random: whole })));
  assert.deepEqual(steps, [1000, 2000, 4000, 8000, 10000, 10000, 10000]);
});

test('jitter keeps each back-off between half the step and the whole step', () => {
  assert.equal(backoffMs(2, { baseMs: 1000, maxMs: 60000, random: () => 0 }), 2000);
  assert.equal(backoffMs(2, { baseMs: 1000, maxMs: 60000, random: () => 0.5 }), 3000);
  assert.ok(backoffMs(2, { baseMs: 1000, maxMs: 60000, random: () => 0.999999 }) < 4000);
  assert.notEqual(backoffMs(3, { random: () => 0.1 }), backoffMs(3, { random: () => 0.9 }));
});

test('Retry-After is read as seconds or as an HTTP date, capped, and ignored when malformed', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  assert.equal(retryAfterMs('7', { now, maxMs: 30000 }), 7000);
  assert.equal(retryAfterMs('Thu, 01 Jan 2026 00:00:12 GMT', { now, maxMs: 30000 }), 12000);
  assert.equal(retryAfterMs('Wed, 31 Dec 2025 23:59:00 GMT', { now, maxMs: 30000 }), 0);
  assert.equal(retryAfterMs('3600', { now, maxMs: 30000 }), 30000);
  assert.equal(retryAfterMs('soon', { now }), null);
  assert.equal(retryAfterMs(null, { now }), null);
});

test('the poller waits as long as Retry-After asks before the next poll, and stops when the run completes', async () => {
  const timers = fakeTimers();
  const { fetch, calls } = fakeFetch([running(10, { 'Retry-After': '3' }), running(50), completed]);
  const seen = [];
  const done = pollStatus({ statusQueryGetUri: STATUS_URL }, { fetch, ...timers, defaultDelayMs: 1500, onStatus: (s) => seen.push(s.customStatus?.percent ?? s.runtimeStatus) });

  await settle();
  assert.deepEqual(timers.delays, [3000]);
  await timers.fireNext();
  assert.deepEqual(timers.delays, [3000, 1500]);
  await timers.fireNext();

  const final = await done;
  assert.equal(final.runtimeStatus, 'Completed');
  assert.deepEqual(final.output, { version: '1.0' });
  assert.deepEqual(seen, [10, 50, 'Completed']);
  assert.equal(calls.length, 3);
  assert.ok(calls.every((call) => call.url === STATUS_URL));
  assert.equal(timers.pending.size, 0);
});

test('PascalCase payloads and null rewind/restart links are understood', async () => {
  const links = managementLinks({ Id: 'run-1', StatusQueryGetUri: STATUS_URL, RewindPostUri: null });
  assert.equal(links.id, 'run-1');
  assert.equal(links.rewindPostUri, null);
  assert.equal(links.restartPostUri, null);

  const timers = fakeTimers();
  const { fetch, calls } = fakeFetch([
    { status: 202, body: { RuntimeStatus: 'Running', CustomStatus: { Stage: 'writing', Percent: 60 } } },
    { status: 200, body: { RuntimeStatus: 'Completed', Output: 'ok' } },
  ]);
  const seen = [];
  const done = pollStatus({ StatusQueryGetUri: STATUS_URL, RewindPostUri: null }, { fetch, ...timers, onStatus: (s) => seen.push(s) });
  await settle();
  await timers.fireNext();
  const final = await done;

  assert.equal(calls[0].url, STATUS_URL);
  assert.equal(seen[0].runtimeStatus, 'Running');
  assert.deepEqual(seen[0].customStatus, { stage: 'writing', percent: 60 });
  assert.equal(final.output, 'ok');
});

test('network errors and 5xx answers back off with growing jittered delays, then polling resumes', async () => {
  const timers = fakeTimers();
  const { fetch } = fakeFetch([new TypeError('connection refused'), { status: 503 }, { status: 502, body: { title: 'Bad gateway' } }, completed]);
  const done = pollStatus(STATUS_URL, { fetch, ...timers, baseBackoffMs: 1000, random: () => 0.5 });

  for (let i = 0; i < 3; i++) {
    await settle();
    await timers.fireNext();
  }
  const final = await done;

  assert.deepEqual(timers.delays, [750, 1500, 3000]);
  assert.equal(final.runtimeStatus, 'Completed');
});

test('a Failed run stops polling even when it is reported with HTTP 500', async () => {
  const timers = fakeTimers();
  const { fetch, calls } = fakeFetch([running(20), { status: 500, body: { runtimeStatus: 'Failed', output: 'boom' } }, running(99)]);
  const done = pollStatus(STATUS_URL, { fetch, ...timers });
  await settle();
  await timers.fireNext();

  const final = await done;
  assert.equal(final.runtimeStatus, 'Failed');
  assert.equal(calls.length, 2);
  assert.equal(timers.pending.size, 0);
});

test('every terminal state ends polling', async () => {
  for (const runtimeStatus of ['Completed', 'Failed', 'Terminated', 'Canceled']) {
    const timers = fakeTimers();
    const { fetch, calls } = fakeFetch([{ status: 200, body: { runtimeStatus } }, running(1)]);
    const final = await pollStatus(STATUS_URL, { fetch, ...timers });
    assert.equal(final.runtimeStatus, runtimeStatus);
    assert.equal(calls.length, 1);
    assert.equal(timers.pending.size, 0);
  }
});

test('aborting clears the pending timer and rejects with an AbortError', async () => {
  const timers = fakeTimers();
  const { fetch, calls } = fakeFetch([running(10), running(20)]);
  const controller = new AbortController();
  const done = pollStatus(STATUS_URL, { fetch, ...timers, signal: controller.signal });
  await settle();
  assert.equal(timers.pending.size, 1);
  const [scheduled] = timers.pending.keys();

  controller.abort();

  await assert.rejects(done, { name: 'AbortError' });
  assert.deepEqual(timers.cleared, [scheduled]);
  assert.equal(timers.pending.size, 0);
  await settle();
  assert.equal(calls.length, 1);
});

test('a 404 stops polling with the problem detail', async () => {
  const timers = fakeTimers();
  const { fetch } = fakeFetch([{ status: 404, body: { title: 'Not Found', detail: 'No instance run-1.' } }]);
  await assert.rejects(pollStatus(STATUS_URL, { fetch, ...timers }), /HTTP 404 \(No instance run-1\.\)/);
  assert.equal(timers.pending.size, 0);
});
