// What the practice panel reads from a session (GET /api/practice/{id}), without the DOM: task and message kinds,
// whether the session is over, which sent messages still await their reply, and the texts of its state and score.

const TASK_KINDS = { choice: 'choice', gapfill: 'gapFill', freetext: 'freeText' };
const TASK_KIND_ORDER = ['choice', 'gapFill', 'freeText']; // PracticeTaskKind's numbers, should a host send them
const MESSAGE_KINDS = ['answer', 'question', 'end'];

/** The states in which a session takes no more messages. */
export const OVER_STATES = Object.freeze(['completed', 'ended', 'expired', 'failed', 'terminated']);

/** 'choice', 'gapFill' or 'freeText' from any casing ('GapFill', 'gap-fill') or the enum's number; null otherwise. */
export function taskKind(kind) {
  if (typeof kind === 'number') return TASK_KIND_ORDER[kind] ?? null;
  return TASK_KINDS[String(kind ?? '').replace(/[-_\s]/g, '').toLowerCase()] ?? null;
}

/** 'answer', 'question' or 'end' from any casing or the enum's number; null otherwise. */
export function messageKind(kind) {
  if (typeof kind === 'number') return MESSAGE_KINDS[kind] ?? null;
  const name = String(kind ?? '').toLowerCase();
  return MESSAGE_KINDS.includes(name) ? name : null;
}

export function isOver(session) {
  if (!session) return false;
  return OVER_STATES.includes(String(session.state ?? '').toLowerCase())
    || ['Completed', 'Failed', 'Terminated'].includes(session.runtimeStatus);
}

/** The messages sent from this page whose turn is not in the transcript yet, in the order sent. */
export function awaitingReply(sent, transcript) {
  const answered = new Set((transcript ?? []).map((turn) => turn.messageId));
  return sent.filter((message) => !answered.has(message.messageId));
}

/** An identity for the task on screen: a new attempt at the same task is a new task to show. */
export function taskKey(task) {
  return task ? `${task.id}#${task.attempt ?? 0}` : null;
}

/** What the session is doing, for the status line; `awaiting` is the number of messages without a reply yet. */
export function stateText(session, awaiting = 0) {
  const state = String(session?.state ?? 'starting').toLowerCase();
  switch (state) {
    case 'starting':
      return 'Starting practice…';
    case 'completed':
      return `Practice complete: every task is done. ${finalScore(session)}`;
    case 'ended':
      return `Practice ended. ${finalScore(session)}`;
    case 'expired':
      return `Practice expired after a long pause. ${finalScore(session)}`;
    case 'failed':
    case 'terminated':
      return `Practice stopped (${state})${session?.error ? `: ${session.error}` : '.'}`;
    case 'checking':
      return 'Checking…';
    default:
      return awaiting > 0 ? 'Checking…' : 'Your turn.';
  }
}

export function scoreText(score) {
  if (!score) return '';
  const { correct = 0, attempted = 0, total = 0 } = score;
  return `Score: ${correct} correct of ${attempted} attempted · ${total} task${total === 1 ? '' : 's'} in all`;
}

function finalScore(session) {
  const score = session?.summary?.score ?? session?.score;
  return score ? `${score.correct} of ${score.total} correct.` : '';
}

/** How a task asks to be answered, for its heading. */
export function taskInstruction(kind) {
  switch (taskKind(kind)) {
    case 'choice':
      return 'Choose an answer';
    case 'gapFill':
      return 'Fill the gap';
    default:
      return 'Answer in your own words';
  }
}

/**
 * A message id the server accepts (letters, digits, '-'): a UUID where crypto.randomUUID exists (secure contexts),
 * else 128 random bits from crypto.getRandomValues, which plain-http pages have too.
 */
export function newMessageId(cryptoImpl = globalThis.crypto) {
  if (typeof cryptoImpl?.randomUUID === 'function') return cryptoImpl.randomUUID();
  const bytes = cryptoImpl.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
