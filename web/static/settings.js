// The signed-in user's settings: reminders (the bot's own choices), place and time zone (town
// search or the browser's position, asked only on a tap), the calendar feed, Telegram, password,
// signing out everywhere. Every change goes through the API; the profile it returns is followed.

import { publicRequest, request, saveSession, updateAccess } from "./api.js";
import { regionalLocale, t, zoneName } from "./texts.js";

const SEARCH_DELAY_MS = 250;
// About a kilometre: enough for rise and set times and the hemisphere, no more.
const POSITION_DECIMALS = 2;
const GEOLOCATION_TIMEOUT_MS = 15000;

const $ = (id) => document.getElementById(id);
let hooks = null;
let profile = null;
let choices = null;

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function checkbox(name, value, label, checked) {
  const wrapper = element("label", "check");
  const input = element("input");
  input.type = "checkbox";
  input.name = name;
  input.value = value;
  input.checked = checked;
  wrapper.append(input, element("span", "", label));
  return wrapper;
}

/** "14:00" or "2 PM", as the visitor's locale writes an hour. */
function hourLabel(hour) {
  return new Intl.DateTimeFormat(regionalLocale(), { timeStyle: "short", timeZone: "UTC" }).format(
    Date.UTC(2024, 0, 1, hour),
  );
}

function fillHours(select, noneLabel, value) {
  const options = [new Option(noneLabel, "")];
  for (let hour = 0; hour < 24; hour += 1) options.push(new Option(hourLabel(hour), String(hour)));
  select.replaceChildren(...options);
  select.value = value === null ? "" : String(value);
}

function hourOf(select) {
  return select.value === "" ? null : Number(select.value);
}

/** Every field of the form from the profile and the choices in the page's language. */
function drawReminders() {
  if (!choices || !profile) return;
  const kinds = new Set(profile.reminder_kinds);
  $("kinds").replaceChildren(
    ...choices.groups.map((group) =>
      checkbox("kind", group.id, group.label, group.kinds.some((kind) => kinds.has(kind))),
    ),
  );
  const leads = new Set(profile.reminder_leads_minutes);
  $("leads").replaceChildren(
    ...choices.leads.map((lead) =>
      checkbox("lead", String(lead.minutes), lead.label, leads.has(lead.minutes)),
    ),
  );
  fillHours($("reminder-hour"), t("page-settings-hour-any"), profile.reminder_hour);
  fillHours($("quiet-start"), t("page-settings-quiet-none"), profile.quiet_hours_start);
  fillHours($("quiet-end"), t("page-settings-quiet-none"), profile.quiet_hours_end);
}

async function loadChoices() {
  choices = await publicRequest("GET", "/api/settings/choices");
  drawReminders();
}

function checked(name) {
  return [...document.querySelectorAll(`input[name=${name}]:checked`)].map((box) => box.value);
}

async function change(changes, done) {
  try {
    const updated = await request("PATCH", "/api/me", changes);
    updateAccess(updated.access_token);
    await hooks.onProfile(updated.user);
    if (done) hooks.toast(t(done));
  } catch (error) {
    hooks.showError(error);
  }
}

function saveReminders(event) {
  event.preventDefault();
  const groups = new Set(checked("kind"));
  const grouped = new Set(choices.groups.flatMap((group) => group.kinds));
  // Kinds no switch stands for (set elsewhere) are kept as they are.
  const kinds = [
    ...profile.reminder_kinds.filter((kind) => !grouped.has(kind)),
    ...choices.groups.filter((group) => groups.has(group.id)).flatMap((group) => group.kinds),
  ];
  const start = hourOf($("quiet-start"));
  const end = hourOf($("quiet-end"));
  const quiet = start === null || end === null ? [null, null] : [start, end];
  change(
    {
      reminder_kinds: kinds,
      reminder_leads_minutes: checked("lead").map(Number),
      reminder_hour: hourOf($("reminder-hour")),
      quiet_hours_start: quiet[0],
      quiet_hours_end: quiet[1],
    },
    "page-settings-saved",
  );
}

// --- Place ------------------------------------------------------------------------------------

let searchTimer = null;
let searchCount = 0;

function showTowns(places) {
  $("towns-empty").hidden = places.length > 0;
  $("towns").replaceChildren(
    ...places.map((place) => {
      const item = element("li");
      const button = element("button", "town", "");
      button.type = "button";
      button.dataset.timezone = place.timezone;
      const where = [place.name, place.region, place.country].filter(Boolean).join(", ");
      const zone = element("span", "hint", place.timezone);
      zoneName(place.timezone).then((name) => {
        zone.textContent = name;
      });
      button.append(element("span", "town-name", where), zone);
      button.addEventListener("click", () =>
        change(
          { timezone: place.timezone, latitude: place.latitude, longitude: place.longitude },
          "page-settings-saved",
        ),
      );
      item.append(button);
      return item;
    }),
  );
}

function searchTowns() {
  clearTimeout(searchTimer);
  const query = $("town").value.trim();
  if (query.length < 2) {
    $("towns").replaceChildren();
    $("towns-empty").hidden = true;
    return;
  }
  searchTimer = setTimeout(async () => {
    const asked = ++searchCount;
    try {
      const found = await publicRequest("GET", `/api/places?${new URLSearchParams({ q: query })}`);
      // An older answer arriving late is not shown over a newer one.
      if (asked === searchCount) showTowns(found.places);
    } catch (error) {
      hooks.showError(error);
    }
  }, SEARCH_DELAY_MS);
}

/** Asked only after a tap on the button: the browser then asks the person's consent. */
function geolocate() {
  if (!navigator.geolocation) {
    hooks.showStatus(t("page-settings-geolocate-failed"));
    return;
  }
  navigator.geolocation.getCurrentPosition(
    (position) => {
      const round = (value) => Number(value.toFixed(POSITION_DECIMALS));
      change(
        {
          latitude: round(position.coords.latitude),
          longitude: round(position.coords.longitude),
          // The device is where it is: its zone is that place's zone.
          timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        },
        "page-settings-saved",
      );
    },
    () => hooks.showStatus(t("page-settings-geolocate-failed")),
    { timeout: GEOLOCATION_TIMEOUT_MS, maximumAge: 600000 },
  );
}

// --- Calendar feed ------------------------------------------------------------------------------

function showFeedLinks(url) {
  const webcal = url.replace(/^https?:/, "webcal:");
  $("feed-url").value = url;
  $("feed-google").href = `https://calendar.google.com/calendar/render?${new URLSearchParams({
    cid: webcal,
  })}`;
  $("feed-apple").href = webcal;
  $("feed-outlook").href = `https://outlook.live.com/calendar/0/addfromweb?${new URLSearchParams({
    url,
    name: "StarsCalendars",
  })}`;
  $("feed-links").hidden = false;
}

function drawFeed(live) {
  $("feed-create").textContent = t(live ? "page-settings-feed-replace" : "page-settings-feed-create");
  $("feed-revoke").hidden = !live;
  $("feed-live").hidden = !live || !$("feed-links").hidden;
}

async function createFeed() {
  try {
    const feed = await request("POST", "/api/calendar/feed");
    showFeedLinks(feed.url);
    profile = { ...profile, calendar_feed: true };
    drawFeed(true);
    $("feed-url").focus();
  } catch (error) {
    hooks.showError(error);
  }
}

async function revokeFeed() {
  try {
    await request("DELETE", "/api/calendar/feed");
    $("feed-links").hidden = true;
    profile = { ...profile, calendar_feed: false };
    drawFeed(false);
    hooks.toast(t("page-settings-feed-revoked"));
  } catch (error) {
    hooks.showError(error);
  }
}

async function copyFeed() {
  const input = $("feed-url");
  try {
    await navigator.clipboard.writeText(input.value);
  } catch {
    // Without clipboard access the link is selected, ready to copy by hand.
    input.select();
    return;
  }
  hooks.toast(t("page-settings-feed-copied"));
}

// --- Telegram, password, sessions ---------------------------------------------------------------

async function linkTelegram() {
  try {
    const link = await request("POST", "/api/telegram/link");
    $("telegram-open").href = link.url;
    $("telegram-open").hidden = false;
    $("telegram-hint").textContent = link.hint;
    $("telegram-hint").hidden = false;
    $("telegram-open").focus();
  } catch (error) {
    hooks.showError(error);
  }
}

async function changePassword(event) {
  event.preventDefault();
  try {
    const grant = await request("POST", "/api/auth/password", {
      current_password: $("password-current").value,
      new_password: $("password-new").value,
    });
    saveSession(grant);
    $("password-form").reset();
    hooks.toast(t("page-settings-password-changed"));
  } catch (error) {
    hooks.showError(error);
  }
}

async function signOutEverywhere() {
  try {
    await request("POST", "/api/auth/revoke-all");
  } catch (error) {
    hooks.showError(error);
    return;
  }
  await hooks.signOut();
}

/** Wire the settings once; `handlers`: onProfile, showError, showStatus, toast, signOut. */
export function setupSettings(handlers) {
  hooks = handlers;
  $("reminders-form").addEventListener("submit", saveReminders);
  $("town-form").addEventListener("submit", (event) => event.preventDefault());
  $("town").addEventListener("input", searchTowns);
  $("geolocate").addEventListener("click", geolocate);
  $("feed-create").addEventListener("click", createFeed);
  $("feed-revoke").addEventListener("click", revokeFeed);
  $("feed-copy").addEventListener("click", copyFeed);
  $("telegram-link").addEventListener("click", linkTelegram);
  $("password-form").addEventListener("submit", changePassword);
  $("signout-all").addEventListener("click", signOutEverywhere);
}

/** Show the settings of `signedIn` (null hides them); called again on every profile change. */
export async function showSettings(signedIn, zoneLabel) {
  profile = signedIn;
  $("settings").hidden = signedIn === null;
  if (signedIn === null) return;
  $("place-zone").textContent = zoneLabel;
  const linked = signedIn.telegram_user_id !== null;
  $("telegram-linked").hidden = !linked;
  $("telegram-link").hidden = linked;
  if (linked) $("telegram-open").hidden = true;
  $("set-password").hidden = signedIn.email === null;
  $("password-user").value = signedIn.email || "";
  drawFeed(signedIn.calendar_feed);
  drawReminders();
  try {
    await loadChoices();
  } catch (error) {
    hooks.showError(error);
  }
}
