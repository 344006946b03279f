// Test support for the SPA's timer-driven modules (not a test file): timers the test fires one at a time.

// A setTimeout/clearTimeout pair that only records: `delays` holds every delay asked for, `cleared` every id cleared,
// and fireNext() runs the oldest pending callback, then lets its promises settle.
export function fakeTimers() {
  const pending = new Map();
  const delays = [];
  const cleared = [];
  let nextId = 1;
  return {
    pending,
    delays,
    cleared,
    setTimeout(callback, ms) {
      const id = nextId++;
      pending.set(id, callback);
      delays.push(ms);
      return id;
    },
    clearTimeout(id) {
      cleared.push(id);
      pending.delete(id);
    },
    async fireNext() {
      const [id, callback] = pending.entries().next().value;
      pending.delete(id);
      callback();
      await settle();
    },
  };
}

// Lets the awaited fetch/text promises of the code under test run.
export async function settle() {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
}
