// The page's texts, rendered by the server from the Fluent catalogues (GET /api/i18n/page).

import { publicRequest } from "./api.js";

const CHOICE_KEY = "starscalendars.language";
let texts = null;

/** The language to start in: ?lang=, the last choice on this device, the browser's languages. */
export function initialLanguage(supported) {
  const wanted = [
    new URL(location.href).searchParams.get("lang"),
    localStorage.getItem(CHOICE_KEY),
    ...(navigator.languages || [navigator.language]),
  ];
  for (const tag of wanted) {
    const primary = tag ? tag.toLowerCase().split(/[-_]/)[0] : "";
    if (supported.includes(primary)) return primary;
  }
  return "en";
}

export function rememberLanguage(code) {
  localStorage.setItem(CHOICE_KEY, code);
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

/** A message of the page; an unknown id renders as nothing rather than as its id. */
export function t(id) {
  return (texts && texts.messages[id]) || "";
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

/** "March 2031" in the page's language (CLDR's year-month pattern). */
export function monthTitle(year, month) {
  return texts.calendar.month_titles[month - 1].replace("{year}", String(year));
}

/** Abbreviated weekday names in grid order, starting on the language's first day of the week. */
export function weekdayNames() {
  const { weekdays, first_weekday: first } = texts.calendar;
  return [...weekdays.slice(first), ...weekdays.slice(0, first)];
}

export function firstWeekday() {
  return texts.calendar.first_weekday;
}
