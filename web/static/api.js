// The JSON API: bearer tokens kept in memory and sessionStorage, one refresh at a time,
// failures as ApiError carrying the server's localized message.

const STORE_KEY = "starscalendars.session";

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message ?? code);
    this.status = status;
    this.code = code;
    // The server's localized text; null when the server could not be reached or did not say.
    this.serverMessage = message;
  }
}

let session = readStoredSession();
let language = "en";
let refreshing = null;
const endListeners = new Set();

function readStoredSession() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORE_KEY));
    return stored && stored.access && stored.refresh ? stored : null;
  } catch {
    return null;
  }
}

function store(next) {
  session = next;
  if (next) {
    sessionStorage.setItem(STORE_KEY, JSON.stringify(next));
  } else {
    sessionStorage.removeItem(STORE_KEY);
  }
}

/** The language errors should be written in (sent as Accept-Language). */
export function setLanguage(code) {
  language = code;
}

export function hasSession() {
  return session !== null;
}

export function accessToken() {
  return session ? session.access : null;
}

/** Keep a token pair from any sign-in path or refresh. */
export function saveSession(pair) {
  store({ access: pair.access_token, refresh: pair.refresh_token });
}

/** A new access token for the same session (after a profile change). */
export function updateAccess(token) {
  if (session) store({ ...session, access: token });
}

/** Forget the session here and end it on the server (its refresh token stops working). */
export async function endSession() {
  const ended = session;
  store(null);
  if (ended) {
    await send("POST", "/api/auth/logout", { refresh_token: ended.refresh }, null).catch(() => {});
  }
}

/** Called once the server refuses the session (refresh token revoked or expired). */
export function onSessionEnd(listener) {
  endListeners.add(listener);
}

async function send(method, path, body, token) {
  const headers = { Accept: "application/json", "Accept-Language": language };
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
    if (error.status !== 401 || !session) throw error;
    await refresh(token);
    return send(method, path, body, accessToken());
  }
}

/**
 * Rotate the refresh token unless `staleAccess` was already replaced. Parallel callers share
 * one rotation: a rotated refresh token sent twice would end the whole session.
 */
export function refresh(staleAccess) {
  if (!session) return Promise.reject(new ApiError(401, "unauthorized", null));
  if (staleAccess !== undefined && session.access !== staleAccess) return Promise.resolve();
  if (!refreshing) {
    const refreshToken = session.refresh;
    refreshing = send("POST", "/api/auth/refresh", { refresh_token: refreshToken }, null)
      .then((pair) => saveSession(pair))
      .catch((error) => {
        if (error.status === 401 || error.status === 422) {
          store(null);
          for (const listener of endListeners) listener(error);
        }
        throw error;
      })
      .finally(() => {
        refreshing = null;
      });
  }
  return refreshing;
}
