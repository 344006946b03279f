// Unit tests of what the practice panel reads from a session: node --test tests/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  awaitingReply, isOver, messageKind, newMessageId, scoreText, stateText, taskInstruction, taskKey, taskKind,
} from '../../Hosts/Local/wwwroot/js/practice-session.js';
import { practiceMessagesUrl, practiceSessionUrl, practiceStartUrl } from '../../Hosts/Local/wwwroot/js/api.js';

test('task kinds are read in the casing the server writes, PascalCase, kebab-case or as numbers', () => {
  for (const [value, kind] of [['choice', 'choice'], ['Choice', 'choice'], ['gapFill', 'gapFill'], ['GapFill', 'gapFill'],
    ['gap-fill', 'gapFill'], ['freeText', 'freeText'], ['FreeText', 'freeText'], [0, 'choice'], [1, 'gapFill'], [2, 'freeText']]) {
    assert.equal(taskKind(value), kind, String(value));
  }
  assert.equal(taskKind('essay'), null);
  assert.equal(taskKind(7), null);
  assert.equal(taskKind(undefined), null);
});

test('message kinds likewise', () => {
  assert.equal(messageKind('Question'), 'question');
  assert.equal(messageKind('answer'), 'answer');
  assert.equal(messageKind(2), 'end');
  assert.equal(messageKind('shout'), null);
});

test('a session is over once completed, ended, expired, failed or terminated', () => {
  for (const state of ['completed', 'ended', 'expired', 'failed', 'terminated']) assert.equal(isOver({ state, runtimeStatus: 'Running' }), true, state);
  for (const state of ['starting', 'waiting', 'checking']) assert.equal(isOver({ state, runtimeStatus: 'Running' }), false, state);
  assert.equal(isOver({ state: 'waiting', runtimeStatus: 'Failed' }), true);
  assert.equal(isOver(null), false);
});

test('messages sent from the page await their reply until their turn is in the transcript', () => {
  const sent = [{ messageId: 'a' }, { messageId: 'b' }, { messageId: 'c' }];
  assert.deepEqual(awaitingReply(sent, [{ messageId: 'a' }, { messageId: 'x' }]).map((m) => m.messageId), ['b', 'c']);
  assert.deepEqual(awaitingReply(sent, undefined).length, 3);
  assert.deepEqual(awaitingReply([], [{ messageId: 'a' }]), []);
});

test('a new attempt at the same task is a new task on screen', () => {
  assert.notEqual(taskKey({ id: 'exercise-1', attempt: 1 }), taskKey({ id: 'exercise-1', attempt: 2 }));
  assert.equal(taskKey({ id: 'quiz-1' }), 'quiz-1#0');
  assert.equal(taskKey(null), null);
});

test('the status line says checking while a reply is awaited, and the score at the end', () => {
  assert.equal(stateText({ state: 'starting' }), 'Starting practice…');
  assert.equal(stateText({ state: 'waiting' }), 'Your turn.');
  assert.equal(stateText({ state: 'waiting' }, 1), 'Checking…');
  assert.equal(stateText({ state: 'checking' }), 'Checking…');
  assert.equal(stateText({ state: 'ended', summary: { score: { correct: 2, attempted: 3, total: 5 } } }), 'Practice ended. 2 of 5 correct.');
  assert.equal(stateText({ state: 'failed', error: 'boom' }), 'Practice stopped (failed): boom');
  assert.equal(scoreText({ correct: 1, attempted: 2, total: 1 }), 'Score: 1 correct of 2 attempted · 1 task in all');
  assert.equal(scoreText(null), '');
  assert.equal(taskInstruction('GapFill'), 'Fill the gap');
  assert.equal(taskInstruction('choice'), 'Choose an answer');
  assert.equal(taskInstruction('freeText'), 'Answer in your own words');
});

test('message ids are UUIDs where randomUUID exists, else 32 hex digits, and always match the server rule', () => {
  const rule = /^[A-Za-z0-9._:-]{1,100}$/;
  const uuid = newMessageId();
  assert.match(uuid, rule);
  const fallback = newMessageId({ getRandomValues: (bytes) => bytes.fill(171) });
  assert.equal(fallback, 'ab'.repeat(16));
  assert.notEqual(newMessageId(), newMessageId());
});

test('practice URLs escape every part and name the version only when given', () => {
  assert.equal(practiceStartUrl('english', 'irregular verbs', 'beginner', '1.0'), 'api/lessons/english/irregular%20verbs/practice?level=beginner&version=1.0');
  assert.equal(practiceStartUrl('maths', 'a/b', 'expert'), 'api/lessons/maths/a%2Fb/practice?level=expert');
  assert.equal(practiceSessionUrl('practice~anonymous~x y~1.0'), 'api/practice/practice~anonymous~x%20y~1.0');
  assert.equal(practiceMessagesUrl('practice~a'), 'api/practice/practice~a/messages');
});
