// The Practice panel of the lesson page: starts (or joins) a practice session on the lesson version on screen, shows
// its active task, sends answers, questions and the end, and shows each reply as it lands. A session is a run: its
// status changes (one per turn) come from the run's event stream (run-watch.js, polling when the stream breaks), and
// each one re-reads GET /api/practice/{id} for the transcript through one refresher (one load at a time, back-off).
// Every text from the server goes through textContent or the Markdown renderer; formulas are typeset by KaTeX.
import { ApiError, postJson, practiceMessagesUrl, practiceSessionUrl, practiceStartUrl, requestJson } from './api.js';
import { citationList } from './lesson-view.js';
import { mathsTextElement, renderMarkdown, textElement } from './markdown.js';
import { typesetMaths } from './maths.js';
import { backoffMs } from './poll.js';
import {
  awaitingReply, isOver, messageKind, newMessageId, scoreText, stateText, taskInstruction, taskKey, taskKind,
} from './practice-session.js';
import { createRefresher } from './refresher.js';
import { watchRun } from './run-watch.js';
import { bearerToken } from './auth-token.js';

const SEND_ATTEMPTS = 4; // a message that met a network error or a 5xx is sent again with the same id

export function createPracticePanel(root) {
  const $ = (id) => root.querySelector(`#${id}`);
  const startButton = $('practice-start');
  const endButton = $('practice-end');
  const questionForm = $('practice-question-form');
  const transcript = $('practice-transcript');
  let lesson = null; // { subject, topic, level, version } on screen
  let session = null; // the session followed: { lesson, id, url, controller, refresher, data, sent, taskKey, items }

  startButton.addEventListener('click', () => start());
  endButton.addEventListener('click', () => session && send(session, { kind: 'end' }));
  questionForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const field = $('practice-question');
    const text = field.value.trim();
    if (!session || !text) {
      showError(text ? '' : 'Write a question first.');
      return;
    }
    field.value = '';
    send(session, { kind: 'question', text });
  });

  /** Shows the panel for a lesson version; a session on another version stops being followed. */
  function show(next) {
    const same = lesson && ['subject', 'topic', 'level', 'version'].every((key) => lesson[key] === next[key]);
    lesson = { ...next };
    root.hidden = false;
    if (same) return;
    stop();
    $('practice-lesson').textContent = `Practise version ${lesson.version} of this lesson: its exercises and quiz one at a time, with a tutor to ask.`;
  }

  function stop() {
    session?.controller.abort();
    session = null;
    transcript.replaceChildren();
    $('practice-task').hidden = true;
    $('practice-score').hidden = true;
    questionForm.hidden = true;
    endButton.hidden = true;
    startButton.hidden = false;
    startButton.disabled = false;
    setText('practice-state', '');
    showError('');
  }

  async function start() {
    if (!lesson) return;
    stop();
    const current = { lesson, controller: new AbortController(), data: null, sent: [], taskKey: null, items: new Map() };
    session = current;
    startButton.disabled = true;
    setText('practice-state', 'Starting practice…');
    try {
      const { body: started } = await postJson(practiceStartUrl(lesson.subject, lesson.topic, lesson.level, lesson.version));
      if (session !== current) return;
      current.id = started.id;
      current.url = started.sessionUrl ?? practiceSessionUrl(started.id);
      current.refresher = createRefresher({
        load: async (signal) => (await requestJson(current.url, { signal })).body,
        onValue: (data) => render(current, data),
        onError: (error, { final }) => current === session && showError(final ? error.message : `Refreshing failed (${error.message}); retrying…`),
        keepGoing: () => false, // the event stream asks for every refresh
        signal: current.controller.signal,
      });
      startButton.hidden = true;
      questionForm.hidden = false;
      endButton.hidden = false;
      current.refresher.refresh();
      follow(current, started);
    } catch (error) {
      if (session !== current || error?.name === 'AbortError') return;
      startButton.disabled = false;
      setText('practice-state', '');
      showError(`Could not start practice: ${error.message}`);
    }
  }

  async function follow(current, started) {
    try {
      // A signed-in learner's session streams only with their token, which EventSource cannot send: poll instead.
      await watchRun(started, { signal: current.controller.signal, onStatus: () => current.refresher.refresh(), stream: !bearerToken() });
    } catch (error) {
      if (error?.name !== 'AbortError' && current === session) showError(`Lost track of the session: ${error.message}`);
    }
    if (current === session) current.refresher.refresh();
  }

  async function send(current, message) {
    const full = { messageId: newMessageId(), ...message };
    if (full.kind !== 'end') current.sent.push(full); // an end records no turn
    showError('');
    renderTurns(current);
    updateControls(current);
    setText('practice-state', full.kind === 'end' ? 'Ending practice…' : 'Checking…');
    try {
      await postMessage(current, full);
    } catch (error) {
      if (current !== session || error?.name === 'AbortError') return;
      current.sent = current.sent.filter((sent) => sent !== full);
      current.items.get(full.messageId)?.remove();
      current.items.delete(full.messageId);
      showError(error instanceof ApiError && error.status === 409 ? 'This practice session has ended.' : `Not sent: ${error.message}`);
      if (current.data) render(current, current.data);
    }
    current.refresher.refresh();
  }

  async function postMessage(current, message) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await postJson(practiceMessagesUrl(current.id), message);
      } catch (error) {
        const transient = !(error instanceof ApiError) || error.status >= 500 || error.status === 429;
        if (!transient || attempt + 1 >= SEND_ATTEMPTS || current.controller.signal.aborted) throw error;
        await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt, { baseMs: 500, maxMs: 4000 })));
      }
    }
  }

  function render(current, data) {
    if (current !== session) return;
    current.data = data;
    const awaiting = awaitingReply(current.sent, data.transcript).length;
    setText('practice-state', stateText(data, awaiting));
    const score = $('practice-score');
    score.textContent = scoreText(data.summary?.score ?? data.score);
    score.hidden = !score.textContent;
    renderTask(current, isOver(data) ? null : data.activeTask);
    renderTurns(current);
    updateControls(current);
    if (isOver(data)) {
      questionForm.hidden = true;
      endButton.hidden = true;
      startButton.hidden = false;
      startButton.disabled = false;
    }
  }

  function renderTask(current, task) {
    const panel = $('practice-task');
    const key = taskKey(task);
    if (key === current.taskKey) return;
    const hadFocus = panel.contains(document.activeElement);
    current.taskKey = key;
    panel.hidden = !task;
    if (!task) return;

    const kind = taskKind(task.kind);
    const attempt = task.attempt > 0 ? ` · try ${task.attempt + 1}` : ''; // attempt counts the wrong answers so far
    $('practice-task-title').textContent = `${taskInstruction(kind)}${attempt}`;
    const prompt = $('practice-prompt');
    prompt.replaceChildren(renderMarkdown(task.prompt));
    const controls = $('practice-controls');
    controls.replaceChildren(kind === 'choice' ? choiceButtons(current, task) : answerForm(current, task, kind));
    typesetMaths(panel);
    if (hadFocus) controls.querySelector('button, input, textarea')?.focus();
  }

  function choiceButtons(current, task) {
    const group = document.createElement('div');
    group.className = 'practice-choices';
    group.setAttribute('role', 'group');
    group.setAttribute('aria-labelledby', 'practice-task-title practice-prompt');
    for (const choice of task.choices ?? []) {
      const button = mathsTextElement('button', choice);
      button.type = 'button';
      button.className = 'secondary';
      button.addEventListener('click', () => send(current, { kind: 'answer', taskId: task.id, text: choice }));
      group.append(button);
    }
    return group;
  }

  function answerForm(current, task, kind) {
    const form = document.createElement('form');
    form.className = 'practice-answer';
    form.noValidate = true;
    const label = textElement('label', kind === 'gapFill' ? 'The missing word or words' : 'Your answer');
    const field = document.createElement(kind === 'gapFill' ? 'input' : 'textarea');
    field.id = 'practice-answer';
    field.name = 'answer';
    field.maxLength = 4000;
    field.autocomplete = 'off';
    if (kind !== 'gapFill') field.rows = 3;
    label.append(field);
    const submit = textElement('button', 'Submit answer');
    submit.type = 'submit';
    form.append(label, submit);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = field.value.trim();
      if (!text) {
        showError('Write an answer first.');
        field.focus();
        return;
      }
      field.value = '';
      send(current, { kind: 'answer', taskId: task.id, text });
    });
    return form;
  }

  /** Appends the turns not on screen yet, and a "checking…" entry for each message still awaiting its reply. */
  function renderTurns(current) {
    const turns = current.data?.transcript ?? [];
    for (const turn of turns) {
      const shown = current.items.get(turn.messageId);
      if (shown?.dataset.state === 'answered') continue;
      const item = turnItem(turn.messageId, turn.kind, turn.text);
      item.dataset.state = 'answered';
      item.append(replyBlock(turn.reply ?? {}));
      if (shown) shown.replaceWith(item);
      else transcript.append(item);
      current.items.set(turn.messageId, item);
    }
    for (const message of awaitingReply(current.sent, turns)) {
      if (current.items.has(message.messageId)) continue;
      const item = turnItem(message.messageId, message.kind, message.text);
      item.dataset.state = 'checking';
      const checking = textElement('p', 'Checking…');
      checking.className = 'checking muted';
      item.append(checking);
      transcript.append(item);
      current.items.set(message.messageId, item);
    }
    typesetMaths(transcript);
  }

  function updateControls(current) {
    const busy = awaitingReply(current.sent, current.data?.transcript).some((message) => message.kind === 'answer')
      || current.data?.state === 'checking';
    const task = $('practice-task');
    for (const control of task.querySelectorAll('button, input, textarea')) control.disabled = busy;
    task.setAttribute('aria-busy', String(busy)); // not on the panel: that would hold back the transcript's announcements
  }

  function setText(id, text) {
    $(id).textContent = text;
  }

  function showError(message) {
    const element = $('practice-error');
    element.textContent = message;
    element.hidden = !message;
  }

  return { show };
}

function turnItem(messageId, kind, text) {
  const item = document.createElement('li');
  item.className = 'turn';
  item.dataset.messageId = messageId;
  const said = document.createElement('p');
  said.className = 'learner';
  said.append(textElement('strong', messageKind(kind) === 'question' ? 'You asked: ' : 'You answered: '));
  said.append(mathsTextElement('span', text));
  item.append(said);
  return item;
}

function replyBlock(reply) {
  const block = document.createElement('div');
  block.className = 'reply';
  if (reply.correct === true || reply.correct === false) {
    const verdict = textElement('p', reply.correct ? 'Correct' : 'Not quite');
    verdict.className = `verdict ${reply.correct ? 'correct' : 'incorrect'}`;
    block.append(verdict);
  }
  if (reply.feedback) block.append(labelled('div', 'feedback', null, reply.feedback));
  if (reply.hint) block.append(labelled('div', 'hint', 'Hint: ', reply.hint));
  if (reply.shownAnswer) block.append(labelled('div', 'shown-answer', 'Answer: ', reply.shownAnswer));
  if (reply.score > 0 && reply.score < 1) block.append(textElement('p', `Partly right: ${Math.round(reply.score * 100)}%`));
  if (reply.citations?.length) {
    const sources = document.createElement('div');
    sources.className = 'reply-citations';
    sources.append(textElement('p', 'Sources:'), citationList(reply.citations));
    block.append(sources);
  }
  if (reply.generator) {
    const generator = textElement('p', `Tutor: ${reply.generator}`);
    generator.className = 'muted generator';
    block.append(generator);
  }
  return block;
}

function labelled(tag, className, label, markdown) {
  const element = document.createElement(tag);
  element.className = className;
  const body = renderMarkdown(markdown);
  if (label && body.firstChild?.nodeName === 'P') body.firstChild.prepend(textElement('strong', label));
  else if (label) element.append(textElement('strong', label));
  element.append(body);
  return element;
}
