// The page's texts, rendered by the server from the Fluent catalogues (GET /api/i18n/page),
// and the regional formats (CLDR through the browser's Intl) of the visitor's full locale.

import { publicRequest } from "./api.js";

const CHOICE_KEY = "starscalendars.language";
// Said when the catalogue itself cannot be fetched: nothing else can be said in any language.
export const FALLBACK = {
  "page-texts-failed": "This page could not load its texts. Check your connection and try again.",
  "page-retry": "Try again",
};
let texts = null;

function stored() {
  try {
    return localStorage.getItem(CHOICE_KEY);
  } catch {
    return null;
  }
}

/** The language to start in: ?lang=, the last choice on this device, the browser's languages. */
export function initialLanguage(supported) {
  const wanted = [
    new URL(location.href).searchParams.get("lang"),
    stored(),
    ...(navigator.languages || [navigator.language]),
  ];
  for (const tag of wanted) {
    const primary = tag ? tag.toLowerCase().split(/[-_]/)[0] : "";
    if (supported.includes(primary)) return primary;
  }
  return "en";
}

export function rememberLanguage(code) {
  try {
    localStorage.setItem(CHOICE_KEY, code);
  } catch {
    // Storage may be off (private mode); the choice then lasts for this visit.
  }
}

/** Fetch the texts of `language` and apply them to every [data-t] element of the document. */
export async function loadTexts(language) {
  texts = await publicRequest("GET", `/api/i18n/page?lang=${encodeURIComponent(language)}`);
  document.documentElement.lang = texts.language;
  document.title = t("page-document-title");
  applyTexts(document);
  return texts;
}

export function currentLanguage() {
  return texts ? texts.language : null;
}

export function languages() {
  return texts ? texts.languages : {};
}

/** A message of the page; before the texts load, the built-in English fallback. */
export function t(id) {
  return (texts && texts.messages[id]) || FALLBACK[id] || "";
}

export function applyTexts(root) {
  for (const element of root.querySelectorAll("[data-t]")) {
    element.textContent = t(element.dataset.t);
  }
  for (const element of root.querySelectorAll("[data-t-label]")) {
    element.setAttribute("aria-label", t(element.dataset.tLabel));
    element.title = t(element.dataset.tLabel);
  }
}

/**
 * The browser's own locale when it speaks the page's language (en-US, pt-PT, zh-Hant keep their
 * regional formats), else the page's language itself.
 */
export function regionalLocale() {
  const language = currentLanguage() || "en";
  for (const tag of navigator.languages || [navigator.language]) {
    if (tag && tag.toLowerCase().split(/[-_]/)[0] === language) return tag;
  }
  return language;
}

/** The calendar's bounds in years (what the ephemeris covers). */
export function yearRange() {
  return { first: texts.calendar.first_year, last: texts.calendar.last_year };
}

/** Whether the browser's Intl knows the page's language (Chromium's ICU lacks Armenian). */
function intlSpeaks() {
  return Intl.DateTimeFormat.supportedLocalesOf([regionalLocale()]).length > 0;
}

/** "March 2031" as the locale writes it. */
export function monthTitle(year, month) {
  if (!intlSpeaks()) {
    return texts.calendar.month_titles[month - 1].replace("{year}", String(year));
  }
  const format = new Intl.DateTimeFormat(regionalLocale(), {
    year: "numeric",
    month: "long",
    timeZone: "UTC",
  });
  return format.format(Date.UTC(year, month - 1, 15));
}

/** The locale's first day of the week, 0 = Monday; the server's CLDR answer if Intl lacks it. */
export function firstWeekday() {
  if (intlSpeaks()) {
    const locale = new Intl.Locale(regionalLocale());
    const info = locale.getWeekInfo ? locale.getWeekInfo() : locale.weekInfo;
    if (info && info.firstDay) return info.firstDay - 1;
  }
  return texts.calendar.first_weekday;
}

/** Weekday names in grid order, {short, long}, starting on the locale's first weekday. */
export function weekdayNames() {
  const first = firstWeekday();
  const order = Array.from({ length: 7 }, (_, i) => (first + i) % 7);
  if (!intlSpeaks()) {
    const { weekdays, weekdays_long: long } = texts.calendar;
    return order.map((day) => ({ short: weekdays[day], long: long[day] }));
  }
  const locale = regionalLocale();
  const short = new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" });
  const long = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" });
  // 2024-01-01 was a Monday.
  return order.map((day) => {
    const ms = Date.UTC(2024, 0, 1 + day);
    return { short: short.format(ms), long: long.format(ms) };
  });
}

/** A full date ("Thursday, 3 December 2026") of a UTC-midnight day. */
export function longDate(dayMs) {
  if (!intlSpeaks()) {
    const date = new Date(dayMs);
    const { weekdays_long: weekdays, months } = texts.calendar;
    const weekday = weekdays[(date.getUTCDay() + 6) % 7];
    return `${weekday}, ${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  }
  return new Intl.DateTimeFormat(regionalLocale(), { dateStyle: "full", timeZone: "UTC" }).format(
    dayMs,
  );
}

/**
 * An event's local date and time in `timeZone`, in the locale's order and hour cycle; the
 * server's CLDR text (`fallback`) where Intl lacks the language.
 */
export function dateTime(iso, timeZone, fallback = "") {
  if (!intlSpeaks() && fallback) return fallback;
  return new Intl.DateTimeFormat(regionalLocale(), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(new Date(iso));
}

function intlZoneName(timeZone) {
  if (!intlSpeaks()) return null;
  try {
    const parts = new Intl.DateTimeFormat(regionalLocale(), {
      timeZone,
      timeZoneName: "longGeneric",
    }).formatToParts(Date.now());
    const name = parts.find((part) => part.type === "timeZoneName");
    if (name && !/^GMT[+-−]/.test(name.value)) return name.value;
  } catch {
    // An unknown zone is named by the server, or by its IANA name.
  }
  return null;
}

const zoneNames = new Map();

/**
 * A time zone as people say it ("Moscow Standard Time"): the browser's CLDR names, else the
 * server's (Babel) where Intl lacks the language or names the zone only by its offset.
 */
export function zoneName(timeZone) {
  const own = intlZoneName(timeZone);
  if (own) return Promise.resolve(own);
  const language = currentLanguage() || "en";
  const key = `${language} ${timeZone}`;
  if (!zoneNames.has(key)) {
    const query = new URLSearchParams({ tz: timeZone, lang: language });
    zoneNames.set(
      key,
      publicRequest("GET", `/api/i18n/zone?${query}`)
        .then((answer) => answer.name)
        .catch(() => timeZone),
    );
  }
  return zoneNames.get(key);
}
