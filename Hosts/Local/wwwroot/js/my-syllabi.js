// "My syllabi": the syllabi the signed-in learner planned (GET api/me/syllabi), each a link to open it on this page.
import { requestJson } from './api.js';

export async function showMySyllabi(section) {
  const { body } = await requestJson('api/me/syllabi');
  const list = section.querySelector('#my-syllabi-list');
  list.replaceChildren(...body.syllabi.map((syllabus) => {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `syllabus.html#/syllabi/${encodeURIComponent(syllabus.id)}`;
    link.textContent = `${syllabus.topic} (${syllabus.level})`;
    const meta = document.createElement('span');
    meta.className = 'muted';
    meta.textContent = ` · ${syllabus.planned ? `${syllabus.lessonCount} lesson(s)` : 'being planned'}${syllabus.shared ? ' · shared' : ''}`;
    item.append(link, meta);
    return item;
  }));
  section.querySelector('#my-syllabi-empty').hidden = body.syllabi.length > 0;
  section.hidden = false;
}
