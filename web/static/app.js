// The calendar page: open to visitors, signs in for reminders, shows a month (a WAI-ARIA grid)
// and one list of its events or of the chosen day's, listens for live pushes once signed in.

import {
  accessToken,
  ApiError,
  endSession,
  onSessionEnd,
  refresh,
  request,
  restoreSession,
  saveSession,
  setLanguage,
  updateAccess,
} from "./api.js";
import {
  byDay,
  DAY_MS,
  entries,
  fetchMonth,
  inMonth,
  isoDay,
  renderList,
  renderMonth,
  today,
} from "./calendar.js";
import { connectLive, RecentIds } from "./live.js";
import { setupSettings, showSettings } from "./settings.js";
import {
  inTelegram,
  oneTimeToken,
  signInWithPassword,
  signInWithTelegram,
  signInWithToken,
} from "./signin.js";
import {
  currentLanguage,
  dateTime,
  initialLanguage,
  languages,
  loadTexts,
  longDate,
  rememberLanguage,
  t,
  yearRange,
  zoneName,
} from "./texts.js";

const SUPPORTED = ["en", "zh", "es", "hi", "pt", "de", "fr", "ja", "ru", "hy"];
const LIVE_KEEP = 20;
// Push ids remembered against redelivery; the oldest are forgotten first.
const SEEN_KEEP = 200;
const TOAST_MS = 8000;
const FALLBACK_ZONE = "UTC";

const $ = (id) => document.getElementById(id);
const state = {
  profile: null,
  zone: FALLBACK_ZONE,
  view: null,
  focus: null,
  selected: null,
  events: null,
  live: null,
  registering: true,
  changing: false,
  seenPushes: new RecentIds(SEEN_KEEP),
};

function deviceZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || FALLBACK_ZONE;
}

/** Show an error in the page's words: the server's localized message, else our own. */
function showError(error, retry = null) {
  let text = error instanceof ApiError ? error.serverMessage : null;
  if (!text) {
    const network = error instanceof ApiError && error.code === "network";
    text = t(network ? "page-error-network" : "page-error-unexpected");
  }
  showStatus(text, retry);
}

function showStatus(text, retry) {
  $("status-text").textContent = text;
  const button = $("status-retry");
  button.hidden = retry === null;
  button.onclick = retry;
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

/** Whichever way in this visit offers: the bot's link, Telegram, or the session cookie. */
async function signIn() {
  const token = oneTimeToken();
  if (token) {
    const pair = await signInWithToken(token);
    saveSession(pair);
    return pair.user;
  }
  if (inTelegram()) {
    const pair = await signInWithTelegram();
    if (pair) {
      saveSession(pair);
      return pair.user;
    }
  }
  return restoreSession();
}

function openSignIn() {
  state.registering = false;
  updateSignInMode();
  $("email").focus();
}

// --- The calendar ---------------------------------------------------------------------------

function openDetails(event) {
  $("details-title").textContent = event.title;
  $("details-when").textContent = dateTime(event.occurs_at, state.zone, event.when);
  $("details-figures").textContent = event.details || "";
  $("details-text").textContent = "";
  $("details-picture").hidden = true;
  const dialog = $("details");
  if (!dialog.open) dialog.showModal();
  const query = new URLSearchParams({ tz: state.zone });
  request("GET", `/api/events/${encodeURIComponent(event.id)}?${query}`)
    .then((detail) => {
      $("details-text").textContent = detail.description;
      if (detail.picture) showPicture(detail);
    })
    .catch(showError);
}

/** The event's picture (Moon phase or eclipse map), sized for the dialog and the screen. */
function showPicture(detail) {
  const picture = $("details-picture");
  const pixels = picture.parentElement.clientWidth * (window.devicePixelRatio || 1);
  const options = new URLSearchParams({
    width: String(Math.min(2400, Math.max(160, Math.round(pixels)))),
    format: "webp",
    lang: detail.language,
    tz: state.zone,
  });
  const place = state.profile;
  if (place && place.latitude != null && place.longitude != null) {
    options.set("lat", String(place.latitude));
    options.set("lon", String(place.longitude));
  }
  picture.alt = detail.title;
  picture.onerror = () => { picture.hidden = true; };
  picture.src = `${detail.picture}?${options}`;
  picture.hidden = false;
}

async function showZone() {
  const zone = state.zone;
  const name = await zoneName(zone);
  if (state.zone !== zone) return;
  $("zone").textContent = name;
  $("zone").title = zone;
  const device = deviceZone();
  const button = $("use-device-zone");
  button.hidden = state.profile === null || device === state.zone;
  button.dataset.zone = device;
}

/** The list below the grid: the chosen day's events, else the month's. */
function showList() {
  const failed = state.events === null;
  $("list-failed").hidden = !failed;
  $("show-month").hidden = state.selected === null;
  let events = [];
  let empty = "page-month-empty";
  const shown = failed ? [] : entries(state.events);
  if (state.selected === null) {
    $("list-title").textContent = t("page-month-events");
    events = inMonth(state.view, shown);
  } else {
    $("list-title").textContent = longDate(state.selected);
    empty = "page-day-empty";
    events = byDay(shown).get(isoDay(state.selected)) || [];
  }
  renderList($("events"), events, openDetails, state.zone);
  // "Nothing" only about what was computed; a month that failed to load says so instead.
  $("list-empty").textContent = t(empty);
  $("list-empty").hidden = failed || events.length > 0;
}

function drawMonth() {
  const range = yearRange();
  const { year, month } = state.view;
  $("prev").disabled = year === range.first && month === 1;
  $("next").disabled = year === range.last && month === 12;
  const todayMs = today(state.zone);
  renderMonth(state.view, state.events || [], {
    southern: state.profile !== null && state.profile.hemisphere === "south",
    todayMs,
    focusMs: state.focus,
    selectedMs: state.selected,
  });
  showList();
}

async function showMonth() {
  const view = state.view;
  $("days").setAttribute("aria-busy", "true");
  let events = null;
  try {
    events = await fetchMonth(view.year, view.month, state.zone, yearRange());
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== "network") showError(error);
  }
  // A later navigation may have finished first; only the current view is drawn.
  if (state.view !== view) return;
  state.events = events;
  $("days").setAttribute("aria-busy", "false");
  drawMonth();
}

function refreshAll() {
  clearError();
  return Promise.all([showZone(), showMonth()]);
}

/** The first of the month a day falls in, kept within the calendar's years. */
function clampDay(ms) {
  const range = yearRange();
  return Math.min(Math.max(ms, Date.UTC(range.first, 0, 1)), Date.UTC(range.last, 11, 31));
}

/** Show the month of `dayMs` with that day focused; `select` also chooses it for the list. */
function goTo(dayMs, { select = false, focus = false } = {}) {
  const ms = clampDay(dayMs);
  const date = new Date(ms);
  const view = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
  state.focus = ms;
  if (select) state.selected = ms;
  const sameMonth = state.view && state.view.year === view.year && state.view.month === view.month;
  if (sameMonth) {
    drawMonth();
    if (focus) focusDay();
    return Promise.resolve();
  }
  state.view = view;
  if (!select) state.selected = null;
  state.events = null;
  drawMonth();
  if (focus) focusDay();
  return refreshAll().then(() => {
    if (focus) focusDay();
  });
}

function focusDay() {
  const cell = $("days").querySelector(`[data-day="${isoDay(state.focus)}"]`);
  if (cell) cell.focus();
}

function moveMonth(step) {
  const date = new Date(state.focus);
  const target = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + step, 1);
  goTo(target);
}

function goToday() {
  goTo(today(state.zone), { select: false });
}

/** Arrow keys, Home/End, PageUp/PageDown move through the days; Enter or Space chooses one. */
function onGridKey(event) {
  const cell = event.target.closest("[role=gridcell]");
  if (!cell) return;
  const ms = Date.parse(`${cell.dataset.day}T00:00:00Z`);
  const weekStart = ms - [...cell.parentElement.children].indexOf(cell) * DAY_MS;
  const date = new Date(ms);
  // The same day a month away, or that month's last day when it is shorter.
  const monthAway = (step) => {
    const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + step + 1, 0));
    const day = Math.min(date.getUTCDate(), last.getUTCDate());
    return Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), day);
  };
  const moves = {
    ArrowLeft: ms - DAY_MS,
    ArrowRight: ms + DAY_MS,
    ArrowUp: ms - 7 * DAY_MS,
    ArrowDown: ms + 7 * DAY_MS,
    Home: weekStart,
    End: weekStart + 6 * DAY_MS,
    PageUp: monthAway(-1),
    PageDown: monthAway(1),
  };
  if (event.key in moves) {
    event.preventDefault();
    goTo(moves[event.key], { focus: true });
  } else if (event.key === "Enter" || event.key === " ") {
    event.preventDefault();
    goTo(ms, { select: true, focus: true });
  }
}

function onGridClick(event) {
  const cell = event.target.closest("[role=gridcell]");
  if (cell) goTo(Date.parse(`${cell.dataset.day}T00:00:00Z`), { select: true, focus: true });
}

function showWholeMonth() {
  state.selected = null;
  drawMonth();
}

async function changeProfile(changes) {
  clearError();
  state.changing = true;
  try {
    const updated = await request("PATCH", "/api/me", changes);
    updateAccess(updated.access_token);
    await followProfile(updated.user);
  } catch (error) {
    showError(error);
  } finally {
    state.changing = false;
  }
}

async function followProfile(profile) {
  state.profile = profile;
  state.zone = profile.timezone;
  if (profile.language !== currentLanguage()) await useLanguage(profile.language);
  await refreshAll();
  await showSettings(profile, await zoneName(state.zone));
}

async function chooseLanguage() {
  const code = $("language").value;
  rememberLanguage(code);
  if (state.profile) {
    await changeProfile({ language: code });
    return;
  }
  try {
    await useLanguage(code);
  } catch {
    showStatus(t("page-texts-failed"), chooseLanguage);
    return;
  }
  await refreshAll();
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
  if (state.seenPushes.seenBefore(frame.id)) return;
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
  if (data.occurs_at) when.textContent = dateTime(data.occurs_at, state.zone);
  item.append(tag, title, when);
  $("live").prepend(item);
  while ($("live").children.length > LIVE_KEEP) $("live").lastElementChild.remove();
  $("live-empty").hidden = true;
  toast(`${label}: ${title.textContent}`);
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
    await followProfile(await request("GET", "/api/me"));
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

/** Show the calendar: to a signed-in user (`profile`) or to a visitor (null). */
async function enterCalendar(profile) {
  state.profile = profile;
  state.zone = profile ? profile.timezone : deviceZone();
  if (profile && profile.language !== currentLanguage()) await useLanguage(profile.language);
  const signedIn = profile !== null;
  $("calendar").hidden = false;
  $("side").hidden = false;
  $("signin").hidden = signedIn;
  $("signin-open").hidden = signedIn;
  $("live-card").hidden = !signedIn;
  $("signout").hidden = !signedIn;
  state.view = null;
  state.selected = null;
  await goTo(today(state.zone));
  await showSettings(profile, await zoneName(state.zone));
  if (signedIn) startLive();
  document.body.dataset.ready = signedIn ? "calendar" : "visitor";
}

async function signOut() {
  if (state.live) state.live.close();
  state.live = null;
  $("live").replaceChildren();
  $("live-empty").hidden = false;
  await endSession();
  await enterCalendar(null);
}

// --- Start ----------------------------------------------------------------------------------

/** Load the texts; until they load, say so in built-in English with a way to try again. */
async function loadTextsUntilDone(code) {
  for (;;) {
    try {
      await useLanguage(code);
      clearError();
      return;
    } catch {
      setBusy(false);
      await new Promise((resolve) => showStatus(t("page-texts-failed"), resolve));
      setBusy(true);
    }
  }
}

async function start() {
  await loadTextsUntilDone(initialLanguage(SUPPORTED));
  $("signin-form").addEventListener("submit", submitSignIn);
  $("signin-mode").addEventListener("click", () => {
    state.registering = !state.registering;
    updateSignInMode();
  });
  $("signin-open").addEventListener("click", openSignIn);
  $("language").addEventListener("change", chooseLanguage);
  $("signout").addEventListener("click", signOut);
  $("status-close").addEventListener("click", clearError);
  $("prev").addEventListener("click", () => moveMonth(-1));
  $("next").addEventListener("click", () => moveMonth(1));
  $("today").addEventListener("click", goToday);
  $("show-month").addEventListener("click", showWholeMonth);
  $("list-retry").addEventListener("click", refreshAll);
  setupSettings({
    onProfile: followProfile,
    showError,
    showStatus: (text) => showStatus(text, null),
    toast,
    signOut,
  });
  $("days").addEventListener("keydown", onGridKey);
  $("days").addEventListener("click", onGridClick);
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
  await enterCalendar(profile);
}

start();
