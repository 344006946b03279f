// Sign in / Sign out when the host has sign-in on (GET api/auth/config): the authorization code flow with PKCE against
// the configured authority, as a public client (no secret in the page). The token lands in session storage, and
// api.js sends it with every /api request.
import { requestJson } from './api.js';
import { bearerToken, clearToken, learnerName, saveToken } from './auth-token.js';

const PENDING_KEY = 'durable-lessons.sign-in';

/** Completes a sign-in the authority redirected back with, then shows the area. Resolves to { enabled, signedIn }. */
export async function initSignIn(area) {
  let config;
  try {
    config = (await requestJson('api/auth/config')).body;
  } catch {
    config = null;
  }
  if (!config?.enabled) {
    area.hidden = true;
    return { enabled: false, signedIn: false };
  }
  let failure = '';
  try {
    await completeSignIn(config);
  } catch (error) {
    failure = error.message;
  }
  render(area, config, failure);
  return { enabled: true, signedIn: Boolean(bearerToken()) };
}

function render(area, config, failure) {
  const children = [];
  if (bearerToken()) {
    const who = document.createElement('span');
    who.id = 'signed-in-as';
    who.textContent = `Signed in as ${learnerName()}`;
    children.push(who, button('Sign out', () => {
      clearToken();
      location.reload();
    }));
  } else {
    children.push(button('Sign in', () => signIn(config).catch((error) => showFailure(area, error.message))));
  }
  const error = document.createElement('span');
  error.className = 'error';
  error.setAttribute('role', 'alert');
  error.textContent = failure;
  children.push(error);
  area.replaceChildren(...children);
  area.hidden = false;
}

function showFailure(area, message) {
  area.querySelector('[role=alert]').textContent = message;
}

function button(text, onClick) {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'secondary';
  element.textContent = text;
  element.addEventListener('click', onClick);
  return element;
}

async function discover(authority) {
  const response = await fetch(`${authority}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`Sign-in is unavailable: the authority answered ${response.status}.`);
  return response.json();
}

async function signIn(config) {
  const metadata = await discover(config.authority);
  const verifier = randomText(48);
  const challenge = base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const state = randomText(16);
  const redirectUri = location.origin + location.pathname;
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({
    verifier, state, redirectUri, search: location.search, hash: location.hash, tokenEndpoint: metadata.token_endpoint,
  }));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri,
    scope: config.scopes,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
  });
  location.assign(`${metadata.authorization_endpoint}?${query}`);
}

async function completeSignIn(config) {
  const answer = new URLSearchParams(location.search);
  if (!answer.has('state')) return;
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null');
  if (!pending) return;
  sessionStorage.removeItem(PENDING_KEY);
  // The page's own address again, without the code, as it was before signing in.
  history.replaceState(null, '', pending.redirectUri + pending.search + pending.hash);
  if (answer.has('error')) throw new Error(`Sign-in failed: ${answer.get('error_description') || answer.get('error')}`);
  if (answer.get('state') !== pending.state) throw new Error('Sign-in failed: the answer does not belong to this sign-in.');
  const response = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: answer.get('code') ?? '',
      redirect_uri: pending.redirectUri,
      code_verifier: pending.verifier,
      client_id: config.clientId,
    }),
  });
  const tokens = await response.json().catch(() => ({}));
  if (!response.ok || !tokens.access_token) throw new Error(`Sign-in failed: ${tokens.error_description || tokens.error || `HTTP ${response.status}`}`);
  saveToken(tokens.access_token, nameIn(tokens.id_token ?? tokens.access_token));
}

function nameIn(jwt) {
  try {
    const payload = JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return payload.name || payload.preferred_username || payload.sub || 'learner';
  } catch {
    return 'learner';
  }
}

function randomText(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
