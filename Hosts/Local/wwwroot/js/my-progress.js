// The signed-in learner's progress on the lesson on screen (GET api/me/progress): completed practice, last and best
// score, last activity.
import { requestJson } from './api.js';

export async function showMyProgress(element, lesson) {
  const { body } = await requestJson('api/me/progress');
  const same = (a, b) => String(a).trim().toLowerCase() === String(b).trim().toLowerCase();
  const mine = body.lessons.find((entry) => same(entry.subject, lesson.subject) && same(entry.topic, lesson.topic) && same(entry.level, lesson.level));
  element.textContent = mine ? describe(mine) : 'My progress: not practised yet.';
  element.hidden = false;
}

function describe(progress) {
  const parts = [`${progress.completedSessions} practice session(s) completed`];
  if (progress.lastScore) parts.push(`last score ${progress.lastScore.correct} of ${progress.lastScore.total}`);
  if (progress.bestScore) parts.push(`best ${progress.bestScore.correct} of ${progress.bestScore.total}`);
  if (progress.activeSessionUrl) parts.push('a session is open');
  parts.push(`last activity ${new Date(progress.lastActivity).toLocaleString()}`);
  return `My progress: ${parts.join(' · ')}`;
}
