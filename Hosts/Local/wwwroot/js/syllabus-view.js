// Renders a syllabus (GET /api/syllabi/{id}) by module, one row per lesson with its state badge and actions. Rows are
// keyed by lesson id and updated in place on refresh, so focus and scroll survive. Text only through textContent.
import { textElement } from './markdown.js';

export const LESSON_STATES = Object.freeze(['pending', 'generating', 'completed', 'failed']);

/**
 * Shows `syllabus` in `container`: builds the modules when the syllabus (or its shape) changed, otherwise updates
 * each lesson row. onGenerate(lessonId) runs when a lesson's Generate or Retry button is pressed.
 */
export function showSyllabus(container, syllabus, { onGenerate }) {
  const shape = syllabusShape(syllabus);
  if (container.dataset.shape !== shape) {
    container.replaceChildren(...syllabus.modules.map((module, index) => moduleElement(module, index, onGenerate)));
    container.dataset.shape = shape;
  }
  for (const lesson of allLessons(syllabus)) {
    const row = container.querySelector(`li[data-lesson-id="${CSS.escape(lesson.id)}"]`);
    if (row) updateRow(row, lesson, syllabus);
  }
}

export function allLessons(syllabus) {
  return (syllabus?.modules ?? []).flatMap((module) => module.lessons ?? []);
}

/** The lesson page's link to a completed lesson: its key is (syllabus topic, lesson title, syllabus level). */
export function lessonPageUrl(syllabus, lesson) {
  const query = new URLSearchParams({ subject: syllabus.topic, topic: lesson.title, level: syllabus.level });
  if (lesson.version) query.set('version', lesson.version);
  query.set('syllabus', syllabus.id);
  return `./?${query}`;
}

function syllabusShape(syllabus) {
  return JSON.stringify([syllabus.id, syllabus.modules.map((module) => (module.lessons ?? []).map((lesson) => lesson.id))]);
}

function moduleElement(module, index, onGenerate) {
  const section = document.createElement('section');
  section.className = 'syllabus-module';
  const headingId = `module-${index + 1}`;
  const heading = textElement('h3', `${index + 1}. ${module.title}`);
  heading.id = headingId;
  section.setAttribute('aria-labelledby', headingId);
  const list = document.createElement('ol');
  list.className = 'lesson-rows';
  list.append(...(module.lessons ?? []).map((lesson) => rowElement(lesson, onGenerate)));
  section.append(heading, list);
  return section;
}

function rowElement(lesson, onGenerate) {
  const row = document.createElement('li');
  row.className = 'lesson-row';
  row.dataset.lessonId = lesson.id;

  const main = document.createElement('div');
  main.className = 'lesson-main';
  const title = textElement('h4', lesson.title);
  title.className = 'lesson-title';
  const summary = textElement('p', lesson.summary);
  summary.className = 'lesson-summary';
  const minutes = textElement('p', `About ${lesson.estimatedMinutes} min`);
  minutes.className = 'muted lesson-minutes';
  const error = textElement('p', '');
  error.className = 'error lesson-error';
  error.hidden = true;
  main.append(title, summary, minutes, error);

  const side = document.createElement('div');
  side.className = 'lesson-side';
  const badge = textElement('span', '');
  badge.className = 'badge';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary lesson-generate';
  button.addEventListener('click', () => {
    button.disabled = true; // until the next update shows what the request did
    onGenerate(lesson.id);
  });
  const open = textElement('a', 'Open lesson');
  open.className = 'lesson-open';
  open.hidden = true;
  side.append(badge, button, open);

  row.append(main, side);
  return row;
}

function updateRow(row, lesson, syllabus) {
  const state = LESSON_STATES.includes(lesson.state) ? lesson.state : 'pending';
  row.dataset.state = state;

  const badge = row.querySelector('.badge');
  badge.textContent = state;
  badge.className = `badge badge-${state}`;
  badge.setAttribute('aria-label', `State: ${state}`);

  const error = row.querySelector('.lesson-error');
  error.textContent = state === 'failed' ? lesson.error ?? 'The lesson run failed.' : '';
  error.hidden = state !== 'failed';

  // Pending lessons can be generated, failed ones retried; generating and completed ones have nothing to start.
  const button = row.querySelector('.lesson-generate');
  const startable = state === 'pending' || state === 'failed';
  button.hidden = !startable;
  button.disabled = !startable;
  button.textContent = state === 'failed' ? 'Retry' : 'Generate';
  button.setAttribute('aria-label', `${button.textContent} “${lesson.title}”`);

  const open = row.querySelector('.lesson-open');
  open.hidden = !lesson.version;
  if (lesson.version) {
    open.href = lessonPageUrl(syllabus, lesson);
    open.textContent = `Open lesson (version ${lesson.version})`;
    open.setAttribute('aria-label', `Open “${lesson.title}”, version ${lesson.version}`);
  } else {
    open.removeAttribute('href');
  }
}
