// The month grid and the event lists. Every text from data goes in through textContent.

import { request } from "./api.js";
import { moonIcon, phaseAngle, phaseName, principalPhases } from "./moon.js";
import { firstWeekday, monthTitle, t, weekdayNames } from "./texts.js";

const DAY_MS = 86400000;
// Days fetched beyond the grid, so the Moon's phase is known on its first and last days.
const MOON_MARGIN_DAYS = 8;
const PAGE_LIMIT = 500;
const CATEGORY = {
  new_moon: "moon",
  first_quarter: "moon",
  full_moon: "moon",
  last_quarter: "moon",
  supermoon: "moon",
  micromoon: "moon",
  lunar_perigee: "moon",
  lunar_apogee: "moon",
  solar_eclipse: "eclipse",
  lunar_eclipse: "eclipse",
  equinox_march: "season",
  solstice_june: "season",
  equinox_september: "season",
  solstice_december: "season",
  meteor_shower: "meteor",
};

/** "YYYY-MM-DD" of a UTC-midnight millisecond value. */
export function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Today's date in `timeZone`, as {year, month, day}. */
export function today(timeZone) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
  }).formatToParts(new Date());
  const value = (type) => Number(parts.find((part) => part.type === type).value);
  return { year: value("year"), month: value("month"), day: value("day") };
}

/** The grid's first day and its number of days (whole weeks covering the month). */
export function gridOf(year, month) {
  const first = Date.UTC(year, month - 1, 1);
  const mondayBased = (new Date(first).getUTCDay() + 6) % 7;
  const lead = (mondayBased - firstWeekday() + 7) % 7;
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { start: first - lead * DAY_MS, days: Math.ceil((lead + length) / 7) * 7 };
}

async function allPages(params) {
  const events = [];
  let cursor = null;
  do {
    const query = new URLSearchParams(params);
    if (cursor) query.set("cursor", cursor);
    const page = await request("GET", `/api/events?${query}`);
    events.push(...page.events);
    cursor = page.next_cursor;
  } while (cursor);
  return events;
}

/** Events around the month's grid, in the caller's language and timezone. */
export function fetchMonth(year, month) {
  const grid = gridOf(year, month);
  const margin = MOON_MARGIN_DAYS * DAY_MS;
  return allPages({
    from: isoDay(grid.start - margin),
    to: isoDay(grid.start + grid.days * DAY_MS + margin),
    limit: String(PAGE_LIMIT),
  });
}

/** The next few events from now on. */
export async function fetchUpcoming(days, limit) {
  const now = new Date();
  const query = new URLSearchParams({
    from: now.toISOString(),
    to: new Date(now.getTime() + days * DAY_MS).toISOString(),
    limit: String(limit),
  });
  return (await request("GET", `/api/events?${query}`)).events;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function category(kind) {
  return CATEGORY[kind] || "planet";
}

/** One event as a button opening its details. */
export function eventButton(event, onOpen, { compact = false } = {}) {
  const button = element("button", `event kind-${category(event.kind)}`);
  button.type = "button";
  button.dataset.eventId = event.id;
  button.append(element("span", "dot"));
  const body = element("span", "event-body");
  body.append(element("span", "event-title", event.title));
  if (!compact) {
    body.append(element("span", "event-when", event.when));
    if (event.details) body.append(element("span", "event-figures", event.details));
  }
  button.append(body);
  button.addEventListener("click", () => onOpen(event));
  return button;
}

export function renderList(list, empty, events, onOpen, now = Date.now()) {
  list.replaceChildren(
    ...events.map((event) => {
      const item = element("li");
      if (Date.parse(event.occurs_at) < now) item.className = "past";
      item.append(eventButton(event, onOpen));
      return item;
    }),
  );
  empty.hidden = events.length > 0;
}

/** The month grid: weekday header, days with their Moon and events, today marked. */
export function renderMonth(view, events, { onOpen, southern, todayIso }) {
  const { year, month } = view;
  document.getElementById("month-title").textContent = monthTitle(year, month);
  document
    .getElementById("weekdays")
    .replaceChildren(...weekdayNames().map((name) => element("li", "", name)));
  const byDay = new Map();
  for (const event of events) {
    const day = event.local_time.slice(0, 10);
    if (!byDay.has(day)) byDay.set(day, []);
    byDay.get(day).push(event);
  }
  const phases = principalPhases(events);
  const grid = gridOf(year, month);
  const cells = [];
  for (let i = 0; i < grid.days; i += 1) {
    const ms = grid.start + i * DAY_MS;
    const iso = isoDay(ms);
    const date = new Date(ms);
    const cell = element("li", "day");
    if (date.getUTCMonth() + 1 !== month) cell.classList.add("outside");
    if (iso === todayIso) {
      cell.classList.add("today");
      cell.setAttribute("aria-current", "date");
    }
    const head = element("div", "day-head");
    const number = element("time", "day-number", String(date.getUTCDate()));
    number.dateTime = iso;
    head.append(number);
    const angle = phaseAngle(phases, ms);
    if (angle !== null) head.append(moonIcon(angle, southern, t(phaseName(angle))));
    cell.append(head);
    for (const event of byDay.get(iso) || []) {
      cell.append(eventButton(event, onOpen, { compact: true }));
    }
    cells.push(cell);
  }
  document.getElementById("days").replaceChildren(...cells);
  const first = isoDay(Date.UTC(year, month - 1, 1));
  const last = isoDay(Date.UTC(year, month, 0));
  return events.filter((event) => {
    const day = event.local_time.slice(0, 10);
    return day >= first && day <= last;
  });
}

