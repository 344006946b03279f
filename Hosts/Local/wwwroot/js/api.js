// Small fetch helpers for the /api routes: JSON in, JSON out, problem+json turned into readable errors. A signed-in
// learner's token goes with every request.
import { authHeaders, bearerToken, clearToken } from './auth-token.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(describeProblem(status, problem));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

export async function requestJson(url, init = {}) {
  const response = await fetch(url, { ...init, headers: { Accept: 'application/json', ...authHeaders(), ...init.headers } });
  // A token the host refuses (expired) is dropped, so the page offers Sign in again.
  if (response.status === 401 && bearerToken()) clearToken();
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = { detail: text };
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return { status: response.status, body, headers: response.headers };
}

export function lessonUrl(subject, topic, level, version) {
  const base = `api/lessons/${encodePart(subject)}/${encodePart(topic)}`;
  const path = version ? `${base}/versions/${encodeURIComponent(version)}` : base;
  return `${path}?level=${encodeURIComponent(level)}`;
}

export function versionsUrl(subject, topic, level) {
  return `api/lessons/${encodePart(subject)}/${encodePart(topic)}/versions?level=${encodeURIComponent(level)}`;
}

/** Starts (or joins) a practice session on one lesson version: POST → 202 check-status payload plus sessionUrl. */
export function practiceStartUrl(subject, topic, level, version) {
  const query = new URLSearchParams({ level });
  if (version) query.set('version', version);
  return `api/lessons/${encodePart(subject)}/${encodePart(topic)}/practice?${query}`;
}

export function practiceSessionUrl(sessionId) {
  return `api/practice/${encodeURIComponent(sessionId)}`;
}

export function practiceMessagesUrl(sessionId) {
  return `${practiceSessionUrl(sessionId)}/messages`;
}

function encodePart(value) {
  return encodeURIComponent(String(value).trim());
}

function describeProblem(status, problem) {
  if (problem?.errors && typeof problem.errors === 'object') {
    return Object.entries(problem.errors).map(([name, messages]) => `${name}: ${[].concat(messages).join(' ')}`).join(' ');
  }
  return problem?.detail || problem?.title || `HTTP ${status}`;
}

export function syllabusUrl(id) {
  return `api/syllabi/${encodeURIComponent(id)}`;
}

export function lessonGenerateUrl(syllabusId, lessonId) {
  return `${syllabusUrl(syllabusId)}/lessons/${encodeURIComponent(lessonId)}/generate`;
}

/** POSTs JSON (or nothing) and returns { status, body, headers } like requestJson. */
export function postJson(url, body) {
  const init = { method: 'POST' };
  if (body !== undefined) {
    init.headers = { 'Content-Type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  return requestJson(url, init);
}
