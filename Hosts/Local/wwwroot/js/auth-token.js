// The signed-in learner's access token, kept for this tab only (session storage), and the header that carries it.
const TOKEN_KEY = 'durable-lessons.token';
const NAME_KEY = 'durable-lessons.learner';

export function bearerToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function learnerName() {
  return sessionStorage.getItem(NAME_KEY);
}

export function authHeaders() {
  const token = bearerToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

export function saveToken(token, name) {
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.setItem(NAME_KEY, name);
}

export function clearToken() {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(NAME_KEY);
}
