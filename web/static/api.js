// The JSON API: the access token in this page's memory only, the refresh token in an HttpOnly
// cookie no script can read (/api/auth/session), one refresh at a time across tabs, failures as
// ApiError carrying the server's localized message.

// Only a hint that a session cookie may exist, so that visitors are not sent to refresh.
const HINT_KEY = "starscalendars.signed-in";
const SESSION = "/api/auth/session";
// Asks the server to keep the refresh token in the cookie; a cross-site page cannot send it.
const SESSION_HEADER = { "X-StarsCalendars-Session": "cookie" };
const REFRESH_LOCK = "starscalendars-refresh";

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message ?? code);
    this.status = status;
    this.code = code;
    // The server's localized text; null when the server could not be reached or did not say.
    this.serverMessage = message;
  }
}

let access = null;
let language = "en";
let refreshing = null;
const endListeners = new Set();

function hint(on) {
  try {
    if (on) localStorage.setItem(HINT_KEY, "1");
    else localStorage.removeItem(HINT_KEY);
  } catch {
    // Storage may be off (private mode); the cookie still holds the session.
  }
}

function hinted() {
  try {
    return localStorage.getItem(HINT_KEY) === "1";
  } catch {
    return true;
  }
}

/** The language errors should be written in (sent as Accept-Language). */
export function setLanguage(code) {
  language = code;
}

export function hasSession() {
  return access !== null;
}

export function accessToken() {
  return access;
}

/** Keep the access token of any sign-in path or refresh (the cookie holds the refresh token). */
export function saveSession(grant) {
  access = grant.access_token;
  hint(true);
}

/** A new access token for the same session (after a profile change). */
export function updateAccess(token) {
  if (access) access = token;
}

function forget() {
  access = null;
  hint(false);
}

/** The session this browser kept (another tab, an earlier visit), or null. */
export async function restoreSession() {
  if (!hinted()) return null;
  try {
    // The renewed session carries the profile: no second request.
    return (await refresh()).user;
  } catch (error) {
    if (error.status === 401 || error.status === 403) return null;
    throw error;
  }
}

/** Forget the session here and end it on the server, which also clears the cookie. */
export async function endSession() {
  forget();
  await send("POST", `${SESSION}/logout`, undefined, null).catch(() => {});
}

/** Called once the server refuses the session (refresh token revoked or expired). */
export function onSessionEnd(listener) {
  endListeners.add(listener);
}

async function send(method, path, body, token) {
  const headers = { Accept: "application/json", "Accept-Language": language, ...SESSION_HEADER };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    throw new ApiError(0, "network", null);
  }
  if (response.status === 204) return null;
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (!response.ok) {
    const error = data && data.error;
    throw new ApiError(response.status, error ? error.code : "unexpected", error ? error.message : null);
  }
  return data;
}

/** A request without credentials (sign-in, texts). */
export function publicRequest(method, path, body) {
  return send(method, path, body, null);
}

/** A request as the signed-in user; an expired access token is refreshed once and retried. */
export async function request(method, path, body) {
  const token = accessToken();
  try {
    return await send(method, path, body, token);
  } catch (error) {
    if (error.status !== 401 || !access) throw error;
    await refresh(token);
    return send(method, path, body, accessToken());
  }
}

/** One rotation of the cookie's refresh token; tabs take turns, or the server sees a reuse. */
function rotate() {
  const run = () =>
    send("POST", `${SESSION}/refresh`, undefined, null)
      .catch((error) => {
        // Telegram's web client opens the Mini App in a cross-site frame, where the browser
        // withholds the SameSite=Strict cookie: the launch data signs the user in again.
        const app = window.Telegram && window.Telegram.WebApp;
        if (error.status < 400 || error.status >= 500 || !app || !app.initData) throw error;
        return send("POST", "/api/auth/webapp", { init_data: app.initData }, null);
      })
      .then((grant) => {
        saveSession(grant);
        return grant;
      });
  return navigator.locks ? navigator.locks.request(REFRESH_LOCK, run) : run();
}

/**
 * A new access token unless `staleAccess` was already replaced. Parallel callers share one
 * rotation: a rotated refresh token sent twice would end the whole session.
 */
export function refresh(staleAccess) {
  if (staleAccess !== undefined && access !== staleAccess) return Promise.resolve();
  if (!refreshing) {
    refreshing = rotate()
      .catch((error) => {
        if (error.status === 401 || error.status === 403) {
          const signedIn = access !== null;
          forget();
          if (signedIn) for (const listener of endListeners) listener(error);
        }
        throw error;
      })
      .finally(() => {
        refreshing = null;
      });
  }
  return refreshing;
}
