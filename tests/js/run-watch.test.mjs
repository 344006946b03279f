// Unit tests of the SPA's run watcher: node --test tests/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventStreamUrl } from '../../Hosts/Local/wwwroot/js/run-watch.js';

test('a signed public status link carries its signature over to the event stream', () => {
  const checkStatus = { id: 'lesson~a b', statusQueryGetUri: 'http://127.0.0.1:7071/api/runs/lesson~a%20b/status?sig=abc%2B%2F%3D' };
  assert.equal(eventStreamUrl(checkStatus, 'lesson~a b'), 'api/runs/lesson~a%20b/events?sig=abc%2B%2F%3D');
});

test('a webhook status URL (system key or none) gives the plain event stream, never the key', () => {
  const checkStatus = { id: 'run-1', statusQueryGetUri: 'http://127.0.0.1:7071/runtime/webhooks/durabletask/instances/run-1?code=secret' };
  assert.equal(eventStreamUrl(checkStatus, 'run-1'), 'api/runs/run-1/events');
});

test('PascalCase payloads and relative status URLs are understood too', () => {
  const checkStatus = { Id: 'run-2', StatusQueryGetUri: '/api/runs/run-2/status?sig=xyz' };
  assert.equal(eventStreamUrl(checkStatus, 'run-2'), 'api/runs/run-2/events?sig=xyz');
});
