// The syllabus page: plan a syllabus, show it by module with each lesson's live state, generate lessons one at a
// time or all at once, and switch to an easier syllabus. The syllabus on screen is in the URL (#/syllabi/{id}), so a
// reload or a shared link shows it again.
import { lessonGenerateUrl, postJson, requestJson, syllabusUrl } from './api.js';
import { initSignIn } from './auth.js';
import { showMySyllabi } from './my-syllabi.js';
import { watchRun } from './run-watch.js';
import { createRefresher } from './refresher.js';
import { allLessons, showSyllabus } from './syllabus-view.js';

const $ = (id) => document.getElementById(id);
const ROUTE = /^#\/syllabi\/([^/]+)$/;
const EASIEST_LEVEL = 'beginner';

let view = null; // the syllabus on screen: { id, controller, refresher, syllabus, runs, lowering, refreshError }
let planning = null; // the AbortController of the planning run the form started
let signedIn = false;

$('syllabus-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const request = { topic: $('topic').value.trim(), level: $('level').value, goals: $('goals').value.trim() || undefined };
  if (!request.topic) {
    showFormError('A topic is required.');
    return;
  }
  planning?.abort();
  planning = new AbortController();
  setPlanning(true);
  showFormError('');
  try {
    const { body: run } = await postJson('api/syllabi', request);
    navigate(await followPlanningRun(run, 'Planning the syllabus', planning.signal));
    if (signedIn) refreshMySyllabi();
  } catch (error) {
    if (error?.name !== 'AbortError') showFormError(error.message);
  } finally {
    setPlanning(false);
  }
});

$('generate-all').addEventListener('click', () => generateAll(view));
$('lower-difficulty').addEventListener('click', () => lowerDifficulty(view));
window.addEventListener('hashchange', openFromUrl);
// Signing in first: a sign-in that just came back must have its token before the page calls the API.
signedIn = (await initSignIn($('auth-area'))).signedIn;
openFromUrl();
if (signedIn) refreshMySyllabi();

function refreshMySyllabi() {
  showMySyllabi($('my-syllabi')).catch((error) => showFormError(`Could not list your syllabi: ${error.message}`));
}

function openFromUrl() {
  const match = ROUTE.exec(location.hash);
  if (match) {
    open(decodeURIComponent(match[1]));
  } else {
    view?.controller.abort();
    view = null;
    $('syllabus-panel').hidden = true;
  }
}

function navigate(id) {
  const hash = `#/syllabi/${encodeURIComponent(id)}`;
  if (location.hash === hash) open(id);
  else location.hash = hash; // the hashchange listener opens it
}

function open(id) {
  view?.controller.abort();
  const current = { id, controller: new AbortController(), syllabus: null, runs: 0, lowering: false, refreshError: false };
  current.refresher = createRefresher({
    load: async (signal) => (await requestJson(syllabusUrl(id), { signal })).body,
    onValue: (syllabus) => render(current, syllabus),
    onError: (error, { final }) => showRefreshError(current, final ? error.message : `Refreshing failed (${error.message}); retrying…`),
    // Poll while a lesson is generating, and while a batch this page started runs (it may not have started any yet).
    keepGoing: (syllabus) => current.runs > 0 || allLessons(syllabus).some((lesson) => lesson.state === 'generating'),
    signal: current.controller.signal,
  });
  view = current;
  showSyllabusError('');
  $('batch').hidden = true;
  current.refresher.refresh();
}

function render(current, syllabus) {
  if (view !== current) return;
  const first = current.syllabus === null;
  current.syllabus = syllabus;
  if (current.refreshError) showSyllabusError('');
  current.refreshError = false;
  if (first) {
    $('syllabus-title').textContent = `Syllabus: ${syllabus.topic}`;
    const lessons = allLessons(syllabus).length;
    $('syllabus-meta').textContent = `${syllabus.level} · ${syllabus.modules.length} module(s), ${lessons} lesson(s) · planned by ${syllabus.generator} on ${new Date(syllabus.createdAt).toLocaleString()}`;
    $('syllabus-goals').textContent = syllabus.goals ? `Goals: ${syllabus.goals}` : '';
    document.title = `${syllabus.topic} (${syllabus.level}) · Syllabi · DurableLessons`;
  }
  updateActions(current);
  showSyllabus($('modules'), syllabus, { onGenerate: (lessonId) => generateLesson(current, lessonId) });
  $('syllabus-panel').hidden = false;
}

function updateActions(current) {
  const syllabus = current.syllabus;
  if (!syllabus || view !== current) return;
  const pending = allLessons(syllabus).some((lesson) => lesson.state === 'pending');
  const generateAllButton = $('generate-all');
  generateAllButton.disabled = current.runs > 0 || !pending;
  generateAllButton.title = pending ? '' : 'No lesson is pending.';
  const lower = $('lower-difficulty');
  lower.disabled = current.lowering || syllabus.level === EASIEST_LEVEL;
  lower.title = syllabus.level === EASIEST_LEVEL ? 'This syllabus is already at the easiest level.' : '';
}

async function generateLesson(current, lessonId) {
  showSyllabusError('');
  try {
    await postJson(lessonGenerateUrl(current.id, lessonId));
  } catch (error) {
    if (view === current) showSyllabusError(`Could not start lesson ${lessonId}: ${error.message}`);
  }
  current.refresher.refresh(); // the lesson now reads as generating, which keeps the refresher polling
}

async function generateAll(current) {
  if (!current) return;
  showSyllabusError('');
  current.runs += 1;
  updateActions(current);
  try {
    const { body: run } = await postJson(`${syllabusUrl(current.id)}/generate`);
    showBatch({ runtimeStatus: 'Pending', customStatus: null });
    current.refresher.refresh();
    const final = await watchRun(run, {
      signal: current.controller.signal,
      onStatus: (status) => {
        showBatch(status);
        current.refresher.refresh();
      },
    });
    showBatch(final);
    if (final.runtimeStatus !== 'Completed') throw new Error(`The batch run ended ${final.runtimeStatus}.`);
  } catch (error) {
    if (error?.name !== 'AbortError' && view === current) showSyllabusError(error.message);
  } finally {
    current.runs -= 1;
    if (view === current) {
      updateActions(current);
      current.refresher.refresh();
    }
  }
}

function showBatch(status) {
  const custom = status.customStatus && typeof status.customStatus === 'object' ? status.customStatus : {};
  const output = status.output && typeof status.output === 'object' ? status.output : {};
  const total = custom.lessonsTotal ?? output.lessonsTotal;
  const done = custom.lessonsDone ?? (status.runtimeStatus === 'Completed' ? total : 0) ?? 0;
  const failed = custom.lessonsFailed ?? output.failures?.length ?? 0;
  const bar = $('batch-progress');
  bar.max = Math.max(1, total ?? 1);
  bar.value = Math.min(done, bar.max);
  let message = total === undefined ? 'Starting the batch…' : `Lessons done: ${done} of ${total}`;
  if (failed) message += ` (${failed} failed)`;
  if (status.runtimeStatus === 'Completed') message += ' · batch finished';
  $('batch-message').textContent = message;
  $('batch').hidden = false;
}

async function lowerDifficulty(current) {
  if (!current) return;
  showSyllabusError('');
  current.lowering = true;
  updateActions(current);
  try {
    const { status, body } = await postJson(`${syllabusUrl(current.id)}/lower-difficulty`);
    // 200 names the easier syllabus that exists; 202 is the run that plans it.
    const id = status === 202 ? await followPlanningRun(body, 'Planning an easier syllabus', current.controller.signal) : body.id;
    navigate(id);
  } catch (error) {
    if (error?.name !== 'AbortError' && view === current) showSyllabusError(error.message);
  } finally {
    current.lowering = false;
    updateActions(current);
  }
}

/** Follows a SyllabusGeneration run in the run panel; resolves with the saved syllabus's id. */
async function followPlanningRun(run, title, signal) {
  $('run-title').textContent = title;
  $('run-panel').hidden = false;
  showRunStatus({ runtimeStatus: 'Pending', customStatus: { message: 'Run accepted.' } });
  try {
    const final = await watchRun(run, { signal, onStatus: showRunStatus });
    showRunStatus(final);
    if (final.runtimeStatus !== 'Completed' || !final.output?.id) {
      throw new Error(`The syllabus run ended ${final.runtimeStatus}: ${typeof final.output === 'string' ? final.output : 'no syllabus was saved.'}`);
    }
    $('run-panel').hidden = true;
    return final.output.id;
  } catch (error) {
    if (error?.name === 'AbortError') $('run-panel').hidden = true;
    throw error;
  }
}

function showRunStatus(status) {
  const custom = status.customStatus && typeof status.customStatus === 'object' ? status.customStatus : {};
  $('run-message').textContent = `${custom.stage ?? status.runtimeStatus}: ${custom.message ?? status.runtimeStatus}`;
}

function showRefreshError(current, message) {
  if (view !== current) return;
  if (current.syllabus === null) {
    $('syllabus-panel').hidden = true;
    showFormError(message);
    return;
  }
  current.refreshError = true;
  showSyllabusError(message);
}

function setPlanning(busy) {
  $('plan').disabled = busy;
  $('syllabus-form').setAttribute('aria-busy', String(busy));
}

function showFormError(message) {
  const element = $('form-error');
  element.textContent = message;
  element.hidden = !message;
}

function showSyllabusError(message) {
  const element = $('syllabus-error');
  element.textContent = message;
  element.hidden = !message;
}
