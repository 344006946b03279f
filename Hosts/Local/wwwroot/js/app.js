// The lesson page: request a lesson, follow its progress, show it, and switch between its versions.
import { requestJson, lessonUrl, versionsUrl } from './api.js';
import { initSignIn } from './auth.js';
import { showMyProgress } from './my-progress.js';
import { renderLesson } from './lesson-view.js';
import { createPracticePanel } from './practice-panel.js';
import { watchRun } from './run-watch.js';

const $ = (id) => document.getElementById(id);
const form = $('lesson-form');
const progress = $('progress');
let current = null; // { subject, topic, level } of the lesson on screen
let watching = null;
const practice = createPracticePanel($('practice-panel'));
const signIn = initSignIn($('auth-area'));

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const request = readForm();
  if (!request) return;
  watching?.abort();
  watching = new AbortController();
  setBusy(true);
  showError('');
  try {
    const { body: run } = await requestJson('api/lessons', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    showProgress({ stage: 'queued', percent: 0, message: 'Run accepted' });
    const final = await watchRun(run, { signal: watching.signal, onStatus: (status) => showStatus(status) });
    showStatus(final);
    if (final.runtimeStatus !== 'Completed') {
      throw new Error(`The run ended ${final.runtimeStatus}: ${typeof final.output === 'string' ? final.output : 'no lesson was saved.'}`);
    }
    const output = final.output ?? {};
    await openLesson({ subject: output.subject ?? request.subject, topic: output.topic ?? request.topic, level: request.level }, output.version);
  } catch (error) {
    if (error?.name !== 'AbortError') showError(error.message);
  } finally {
    setBusy(false);
  }
});

$('open-saved').addEventListener('click', async () => {
  const request = readForm();
  if (!request) return;
  showError('');
  try {
    await openLesson(request);
  } catch (error) {
    showError(error.message);
  }
});

$('version-picker').addEventListener('change', async (event) => {
  try {
    await showVersion(event.target.value);
  } catch (error) {
    showError(error.message);
  }
});

function readForm() {
  const request = { subject: $('subject').value.trim(), topic: $('topic').value.trim(), level: $('level').value };
  if (!request.subject || !request.topic) {
    showError('Subject and topic are required.');
    return null;
  }
  return request;
}

async function openLesson(key, version) {
  current = key;
  const { body: list } = await requestJson(versionsUrl(key.subject, key.topic, key.level));
  const picker = $('version-picker');
  picker.replaceChildren(...list.versions.map((info) => {
    const option = document.createElement('option');
    option.value = info.version;
    option.textContent = `${info.version} · ${new Date(info.createdAt).toLocaleString()} · ${info.generator}`;
    return option;
  }));
  const chosen = version ?? list.versions.at(-1)?.version;
  picker.value = chosen;
  await showVersion(chosen);
}

async function showVersion(version) {
  const { body } = await requestJson(lessonUrl(current.subject, current.topic, current.level, version));
  const typeset = renderLesson($('lesson'), body);
  $('lesson-panel').hidden = false;
  practice.show({ subject: body.subject, topic: body.topic, level: body.level ?? current.level, version: body.version });
  if ((await signIn).signedIn) showMyProgress($('my-progress'), current).catch((error) => showError(error.message));
  await typeset;
}

function showStatus(status) {
  const custom = status.customStatus && typeof status.customStatus === 'object' ? status.customStatus : {};
  const done = status.runtimeStatus === 'Completed';
  showProgress({
    stage: custom.stage ?? status.runtimeStatus,
    percent: done ? 100 : custom.percent ?? progress.value,
    message: custom.message ?? status.runtimeStatus,
    sourcesDone: custom.sourcesDone,
    sourcesTotal: custom.sourcesTotal,
  });
}

function showProgress({ stage, percent, message, sourcesDone, sourcesTotal }) {
  $('progress-panel').hidden = false;
  const value = Math.max(0, Math.min(100, Number(percent) || 0));
  progress.value = value;
  progress.textContent = `${value}%`;
  $('progress-message').textContent = `${stage}: ${message} (${value}%)`;
  $('progress-detail').textContent = sourcesTotal ? `Sources researched: ${sourcesDone ?? 0} of ${sourcesTotal}` : '';
}

function setBusy(busy) {
  $('generate').disabled = busy;
  form.setAttribute('aria-busy', String(busy));
}

function showError(message) {
  const element = $('form-error');
  element.textContent = message;
  element.hidden = !message;
}

// A link such as ?subject=english&topic=verbs&level=beginner[&version=1.0] opens that saved lesson; the syllabus page
// adds &syllabus={id} so the reader can go back to it.
const linked = new URLSearchParams(location.search);
if (linked.get('subject') && linked.get('topic')) {
  $('subject').value = linked.get('subject');
  $('topic').value = linked.get('topic');
  if (linked.get('level')) $('level').value = linked.get('level');
  const syllabusId = linked.get('syllabus');
  if (syllabusId) {
    $('syllabus-link').href = `syllabus.html#/syllabi/${encodeURIComponent(syllabusId)}`;
    $('syllabus-link').hidden = false;
  }
  const request = readForm();
  // After sign-in, whose redirect may just have brought the token back.
  if (request) signIn.then(() => openLesson(request, linked.get('version') || undefined)).catch((error) => showError(error.message));
}
