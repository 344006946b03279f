// Follows a run until it ends: live Server-Sent Events from /api/runs/{id}/events when the browser has EventSource,
// else (or if the stream breaks, or stream is false) the polling client. Resolves with the final status, camelCase.
import { field, normalizeStatus, pollStatus } from './poll.js';

export function watchRun(checkStatus, { onStatus, signal, stream = true } = {}) {
  const id = field(checkStatus, 'id');
  if (!stream || typeof EventSource !== 'function' || !id) return pollStatus(checkStatus, { onStatus, signal });

  return new Promise((resolve, reject) => {
    const source = new EventSource(eventStreamUrl(checkStatus, id));
    const stop = () => {
      source.close();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      stop();
      reject(signal.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    source.addEventListener('status', (event) => onStatus?.(normalizeStatus(JSON.parse(event.data))));
    source.addEventListener('done', (event) => {
      stop();
      resolve(normalizeStatus(JSON.parse(event.data)));
    });
    source.addEventListener('error', () => {
      // A broken stream (proxy, restart) must not lose the run: fall back to polling its status URL.
      stop();
      pollStatus(checkStatus, { onStatus, signal }).then(resolve, reject);
    });
  });
}

// The run's event stream. A signed public status link (Api:PublicStatusLinks) also opens that run's stream, so its
// signature is carried over; without it a host that requires a function key would refuse the stream.
export function eventStreamUrl(checkStatus, id, base = globalThis.location?.href ?? 'http://localhost/') {
  const stream = `api/runs/${encodeURIComponent(id)}/events`;
  const status = field(checkStatus, 'statusQueryGetUri');
  const signature = typeof status === 'string' ? new URL(status, base).searchParams.get('sig') : null;
  return signature ? `${stream}?sig=${encodeURIComponent(signature)}` : stream;
}
