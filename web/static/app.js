// The calendar page: signs in, shows the month and what is coming, listens for live pushes.

import {
  accessToken,
  ApiError,
  endSession,
  hasSession,
  onSessionEnd,
  refresh,
  request,
  saveSession,
  setLanguage,
  updateAccess,
} from "./api.js";
import { fetchMonth, fetchUpcoming, renderList, renderMonth, today } from "./calendar.js";
import { connectLive } from "./live.js";
import {
  inTelegram,
  oneTimeToken,
  signInWithPassword,
  signInWithTelegram,
  signInWithToken,
} from "./signin.js";
import {
  currentLanguage,
  initialLanguage,
  languages,
  loadTexts,
  rememberLanguage,
  t,
} from "./texts.js";

const SUPPORTED = ["en", "zh", "es", "hi", "pt", "de", "fr", "ja", "ru", "hy"];
const UPCOMING_DAYS = 90;
const UPCOMING_LIMIT = 8;
const LIVE_KEEP = 20;
const TOAST_MS = 8000;
const TEXTS_RETRY_MS = 3000;

const $ = (id) => document.getElementById(id);
const state = {
  profile: null,
  view: null,
  live: null,
  registering: false,
  changing: false,
  seenPushes: new Set(),
};

function deviceZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Show an error in the page's words: the server's localized message, else our own. */
function showError(error) {
  let text = error instanceof ApiError ? error.serverMessage : null;
  if (!text) {
    text = t(error instanceof ApiError && error.code === "network" ? "page-error-network" : "page-error-unexpected");
  }
  $("status-text").textContent = text;
  $("status").hidden = false;
}

function clearError() {
  $("status").hidden = true;
}

function setBusy(busy) {
  $("main").setAttribute("aria-busy", String(busy));
  $("loading").hidden = !busy;
}

function fillLanguages() {
  const select = $("language");
  const options = Object.entries(languages()).map(([code, name]) => {
    const option = new Option(name, code);
    option.lang = code;
    return option;
  });
  select.replaceChildren(...options);
  select.value = currentLanguage();
  select.hidden = false;
}

async function useLanguage(code) {
  setLanguage(code);
  await loadTexts(code);
  fillLanguages();
  updateSignInMode();
}

// --- Sign-in --------------------------------------------------------------------------------

function updateSignInMode() {
  const registering = state.registering;
  $("signin-submit").textContent = t(registering ? "page-register-submit" : "page-signin-submit");
  $("signin-mode").textContent = t(registering ? "page-signin-switch" : "page-register-switch");
  $("password").autocomplete = registering ? "new-password" : "current-password";
}

function showSignIn() {
  $("calendar").hidden = true;
  $("side").hidden = true;
  $("signout").hidden = true;
  $("signin").hidden = false;
  updateSignInMode();
}

async function submitSignIn(event) {
  event.preventDefault();
  clearError();
  const button = $("signin-submit");
  button.disabled = true;
  try {
    const pair = await signInWithPassword({
      email: $("email").value,
      password: $("password").value,
      register: state.registering,
      language: currentLanguage(),
    });
    $("password").value = "";
    saveSession(pair);
    await enterCalendar(pair.user);
  } catch (error) {
    showError(error);
  } finally {
    button.disabled = false;
  }
}

/** Whichever way in this visit offers: the bot's link, Telegram, or a stored session. */
async function signIn() {
  const token = oneTimeToken();
  if (token) {
    const pair = await signInWithToken(token);
    saveSession(pair);
    return pair.user;
  }
  if (inTelegram()) {
    const pair = await signInWithTelegram();
    saveSession(pair);
    return pair.user;
  }
  if (hasSession()) return request("GET", "/api/me");
  return null;
}

// --- The calendar ---------------------------------------------------------------------------

function openDetails(event) {
  $("details-title").textContent = event.title;
  $("details-when").textContent = event.when;
  $("details-figures").textContent = event.details || "";
  $("details-text").textContent = "";
  const dialog = $("details");
  if (!dialog.open) dialog.showModal();
  request("GET", `/api/events/${encodeURIComponent(event.id)}`)
    .then((detail) => {
      $("details-text").textContent = detail.description;
      $("details-when").textContent = detail.when;
    })
    .catch(showError);
}

function showZone() {
  const zone = state.profile.timezone;
  $("zone").textContent = zone;
  const device = deviceZone();
  const button = $("use-device-zone");
  button.hidden = !device || device === zone;
  button.dataset.zone = device;
}

async function showMonth() {
  const { year, month } = state.view;
  const now = today(state.profile.timezone);
  const todayIso = `${now.year}-${String(now.month).padStart(2, "0")}-${String(now.day).padStart(2, "0")}`;
  const events = await fetchMonth(year, month);
  // A later navigation may have finished first; only the current view is drawn.
  if (state.view.year !== year || state.view.month !== month) return;
  const inMonth = renderMonth(state.view, events, {
    onOpen: openDetails,
    southern: state.profile.hemisphere === "south",
    todayIso,
  });
  renderList($("month-events"), $("month-empty"), inMonth, openDetails);
}

async function showUpcoming() {
  const events = await fetchUpcoming(UPCOMING_DAYS, UPCOMING_LIMIT);
  renderList($("upcoming"), $("upcoming-empty"), events, openDetails);
}

async function refreshAll() {
  clearError();
  showZone();
  try {
    await Promise.all([showMonth(), showUpcoming()]);
  } catch (error) {
    showError(error);
  }
}

function moveMonth(step) {
  const index = state.view.year * 12 + state.view.month - 1 + step;
  state.view = { year: Math.floor(index / 12), month: (index % 12) + 1 };
  refreshAll();
}

function goToday() {
  const now = today(state.profile.timezone);
  state.view = { year: now.year, month: now.month };
  refreshAll();
}

async function changeProfile(changes) {
  clearError();
  state.changing = true;
  try {
    const updated = await request("PATCH", "/api/me", changes);
    updateAccess(updated.access_token);
    state.profile = updated.user;
    if (updated.user.language !== currentLanguage()) await useLanguage(updated.user.language);
    await refreshAll();
  } catch (error) {
    showError(error);
  } finally {
    state.changing = false;
  }
}

async function chooseLanguage() {
  const code = $("language").value;
  rememberLanguage(code);
  if (state.profile) {
    await changeProfile({ language: code });
  } else {
    await useLanguage(code);
  }
}

// --- Live -------------------------------------------------------------------------------

function toast(text) {
  const note = document.createElement("p");
  note.className = "toast";
  note.textContent = text;
  $("toasts").append(note);
  setTimeout(() => note.remove(), TOAST_MS);
}

function showPush(frame) {
  // A delivery retried after a lost acknowledgement arrives twice with the same id.
  if (state.seenPushes.has(frame.id)) return;
  state.seenPushes.add(frame.id);
  const data = frame.data || {};
  const label = t(frame.type === "reminder" ? "page-live-reminder" : "page-live-upcoming");
  const item = document.createElement("li");
  item.className = "live-item";
  const tag = document.createElement("span");
  tag.className = "live-label";
  tag.textContent = label;
  const title = document.createElement("strong");
  title.className = "event-title";
  title.textContent = data.title || data.text || "";
  const when = document.createElement("span");
  when.className = "event-when";
  item.append(tag, title, when);
  $("live").prepend(item);
  while ($("live").children.length > LIVE_KEEP) $("live").lastElementChild.remove();
  $("live-empty").hidden = true;
  toast(`${label}: ${title.textContent}`);
  if (data.event_id) {
    request("GET", `/api/events/${encodeURIComponent(data.event_id)}`)
      .then((detail) => {
        when.textContent = detail.when;
      })
      .catch(() => {});
  }
}

/** The profile was changed elsewhere (the bot, another tab): follow it. */
async function onProfilePushed(profile) {
  const changed =
    profile.language !== state.profile.language ||
    profile.timezone !== state.profile.timezone ||
    profile.latitude !== state.profile.latitude;
  if (!changed || state.changing) return;
  try {
    // The access token still carries the old claims; a fresh one carries the new profile.
    await refresh(accessToken());
    state.profile = await request("GET", "/api/me");
    if (state.profile.language !== currentLanguage()) await useLanguage(state.profile.language);
    await refreshAll();
  } catch (error) {
    showError(error);
  }
}

function startLive() {
  if (state.live) state.live.close();
  state.live = connectLive({
    onPush: showPush,
    onProfile: onProfilePushed,
    onState: (on) => {
      const indicator = $("live-state");
      indicator.dataset.state = on ? "on" : "off";
      // As a data-t element it follows later language changes too.
      indicator.dataset.t = on ? "page-live-on" : "page-live-off";
      indicator.textContent = t(indicator.dataset.t);
      document.body.dataset.live = on ? "on" : "off";
    },
  });
}

async function enterCalendar(profile) {
  state.profile = profile;
  if (profile.language !== currentLanguage()) await useLanguage(profile.language);
  const now = today(profile.timezone);
  state.view = { year: now.year, month: now.month };
  $("signin").hidden = true;
  $("calendar").hidden = false;
  $("side").hidden = false;
  $("signout").hidden = false;
  await refreshAll();
  startLive();
  document.body.dataset.ready = "calendar";
}

function signOut() {
  if (state.live) state.live.close();
  state.live = null;
  state.profile = null;
  endSession();
  document.body.dataset.ready = "signin";
  showSignIn();
}

// --- Start ----------------------------------------------------------------------------------

async function loadTextsUntilDone(code) {
  for (;;) {
    try {
      await useLanguage(code);
      return;
    } catch (error) {
      showError(error);
      await new Promise((resolve) => setTimeout(resolve, TEXTS_RETRY_MS));
    }
  }
}

async function start() {
  await loadTextsUntilDone(initialLanguage(SUPPORTED));
  clearError();
  $("signin-form").addEventListener("submit", submitSignIn);
  $("signin-mode").addEventListener("click", () => {
    state.registering = !state.registering;
    updateSignInMode();
  });
  $("language").addEventListener("change", chooseLanguage);
  $("signout").addEventListener("click", signOut);
  $("status-close").addEventListener("click", clearError);
  $("prev").addEventListener("click", () => moveMonth(-1));
  $("next").addEventListener("click", () => moveMonth(1));
  $("today").addEventListener("click", goToday);
  $("use-device-zone").addEventListener("click", (event) =>
    changeProfile({ timezone: event.currentTarget.dataset.zone }),
  );
  onSessionEnd((error) => {
    signOut();
    showError(error);
  });
  let profile = null;
  try {
    profile = await signIn();
  } catch (error) {
    showError(error);
  }
  setBusy(false);
  if (profile) {
    await enterCalendar(profile);
  } else {
    document.body.dataset.ready = "signin";
    showSignIn();
  }
}

start();
