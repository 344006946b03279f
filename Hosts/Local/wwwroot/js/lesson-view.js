// Renders a stored lesson version (GET /api/lessons/...) as DOM nodes; model text only ever goes through textContent,
// and formulas ($…$, $$…$$) are typeset by KaTeX once the lesson is in the page.
import { mathsTextElement, renderMarkdown, safeLink, textElement } from './markdown.js';
import { typesetMaths } from './maths.js';

/** Shown on a lesson written without research notes (grounding "none"): the reader should know nothing was checked. */
export const UNGROUNDED_WARNING =
  'Written without research notes: no research source knew this topic, so a language model wrote it from its own knowledge. Nothing in it was checked against a source, and it cites nothing.';

export function renderLesson(container, version) {
  const lesson = version.document;
  container.replaceChildren();

  const header = document.createElement('header');
  header.append(textElement('h2', lesson.title));
  header.append(textElement('p', `${version.subject} · ${version.topic} · ${version.level} · version ${version.version}`));
  header.lastChild.className = 'muted';
  header.append(mathsTextElement('p', lesson.summary));
  header.lastChild.className = 'summary';
  if (lesson.grounding === 'none') {
    const warning = textElement('p', UNGROUNDED_WARNING);
    warning.className = 'grounding-warning';
    warning.setAttribute('role', 'note');
    header.append(warning);
  }
  container.append(header);

  if (lesson.objectives?.length) {
    container.append(block('Objectives', list('ul', lesson.objectives.map((objective) => mathsTextElement('li', objective)))));
  }

  for (const section of lesson.sections ?? []) {
    const element = document.createElement('section');
    element.className = 'lesson-section';
    element.append(textElement('h3', section.heading));
    element.append(renderMarkdown(section.body));
    if (section.citationIds?.length) {
      const refs = textElement('p', `Sources: ${section.citationIds.map((id) => `[${id}]`).join(' ')}`);
      refs.className = 'muted';
      element.append(refs);
    }
    container.append(element);
  }

  if (lesson.exercises?.length) {
    container.append(block('Exercises', list('ol', lesson.exercises.map((exercise) => {
      const item = document.createElement('li');
      item.append(renderMarkdown(exercise.prompt));
      item.append(reveal('Show answer', renderMarkdown(exercise.answer)));
      return item;
    }))));
  }

  if (lesson.quiz?.length) {
    container.append(block('Quiz', list('ol', lesson.quiz.map((question) => {
      const item = document.createElement('li');
      item.append(mathsTextElement('p', question.question));
      item.append(list('ol', (question.choices ?? []).map((choice) => mathsTextElement('li', choice)), 'choices'));
      const answer = document.createElement('div');
      answer.append(mathsTextElement('p', `Answer: ${question.choices?.[question.answerIndex] ?? '?'}`));
      answer.append(mathsTextElement('p', question.explanation));
      item.append(reveal('Show answer', answer));
      return item;
    }))));
  }

  if (lesson.citations?.length) {
    container.append(block('Citations', citationList(lesson.citations)));
  }

  if (lesson.reviewNotes?.length) {
    container.append(block('Review notes', list('ul', lesson.reviewNotes.map((note) => textElement('li', note)))));
  }

  const usage = lesson.usage ?? {};
  const footer = textElement('p', `Generator: ${lesson.generator} · model calls ${usage.calls ?? 0} · tokens ${(usage.promptTokens ?? 0) + (usage.completionTokens ?? 0)} (prompt ${usage.promptTokens ?? 0}, completion ${usage.completionTokens ?? 0})`);
  footer.className = 'muted generator';
  container.append(footer);
  return typesetMaths(container);
}

/** A numbered list of citations ({id, title, url, source}); only http(s) URLs become links. */
export function citationList(citations) {
  return list('ol', citations.map((citation) => {
    const item = document.createElement('li');
    item.value = citation.id;
    item.dataset.citation = String(citation.id);
    item.append(safeLink(citation.title || citation.url, citation.url));
    item.append(textElement('span', ` — ${citation.source}`));
    return item;
  }), 'citations');
}

function block(title, content) {
  const section = document.createElement('section');
  section.append(textElement('h3', title), content);
  return section;
}

function list(tag, items, className) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.append(...items);
  return element;
}

function reveal(label, content) {
  const details = document.createElement('details');
  details.append(textElement('summary', label), content);
  return details;
}
