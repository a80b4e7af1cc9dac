// The month grid (a WAI-ARIA grid of days) and the one event list below it. Every text from
// data goes in through textContent.

import { request } from "./api.js";
import { moonIcon, phaseAngle, phaseName, principalPhases } from "./moon.js";
import { dateTime, firstWeekday, longDate, monthTitle, t, weekdayNames } from "./texts.js";

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

/** Today's date in `timeZone`, as a UTC-midnight millisecond value. */
export function today(timeZone) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
  }).formatToParts(new Date());
  const value = (type) => Number(parts.find((part) => part.type === type).value);
  return Date.UTC(value("year"), value("month") - 1, value("day"));
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

/** Events around the month's grid in `timeZone`, kept within the years the calendar covers. */
export function fetchMonth(year, month, timeZone, range) {
  const grid = gridOf(year, month);
  const margin = MOON_MARGIN_DAYS * DAY_MS;
  const from = isoDay(Math.max(grid.start - margin, Date.UTC(range.first, 0, 1)));
  const end = grid.start + grid.days * DAY_MS + margin;
  const to =
    end > Date.UTC(range.last + 1, 0, 1) ? `${range.last}-12-31T23:59:59` : isoDay(end);
  return allPages({ from, to, tz: timeZone, limit: String(PAGE_LIMIT) });
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
export function eventButton(event, onOpen, timeZone) {
  const button = element("button", `event kind-${category(event.kind)}`);
  button.type = "button";
  button.dataset.eventId = event.id;
  button.append(element("span", "dot"));
  const body = element("span", "event-body");
  body.append(element("span", "event-title", event.title));
  body.append(element("span", "event-when", dateTime(event.occurs_at, timeZone, event.when)));
  if (event.details) body.append(element("span", "event-figures", event.details));
  button.append(body);
  button.addEventListener("click", () => onOpen(event));
  return button;
}

/** The events of one list, past ones marked. */
export function renderList(list, events, onOpen, timeZone, now = Date.now()) {
  list.replaceChildren(
    ...events.map((event) => {
      const item = element("li");
      if (Date.parse(event.occurs_at) < now) item.className = "past";
      item.append(eventButton(event, onOpen, timeZone));
      return item;
    }),
  );
}

const SIZED_MOONS = new Set(["supermoon", "micromoon"]);
const PLAIN_MOONS = new Set(["new_moon", "full_moon"]);

/**
 * The events as entries to show: a supermoon or micromoon is a property of its new or full moon,
 * so the plain phase at the same instant is left out (it still sets the Moon's drawn phase).
 */
export function entries(events) {
  const sized = new Set(
    events.filter((event) => SIZED_MOONS.has(event.kind)).map((event) => event.occurs_at),
  );
  return events.filter((event) => !(PLAIN_MOONS.has(event.kind) && sized.has(event.occurs_at)));
}

/** Events grouped by their local day ("YYYY-MM-DD"). */
export function byDay(events) {
  const days = new Map();
  for (const event of events) {
    const day = event.local_time.slice(0, 10);
    if (!days.has(day)) days.set(day, []);
    days.get(day).push(event);
  }
  return days;
}

function dayCell(ms, { month, phases, southern, events, todayMs, focusMs, selectedMs }) {
  const date = new Date(ms);
  const cell = element("div", "day");
  cell.setAttribute("role", "gridcell");
  cell.dataset.day = isoDay(ms);
  cell.tabIndex = ms === focusMs ? 0 : -1;
  if (date.getUTCMonth() + 1 !== month) cell.classList.add("outside");
  if (ms === todayMs) {
    cell.classList.add("today");
    cell.setAttribute("aria-current", "date");
  }
  cell.setAttribute("aria-selected", String(ms === selectedMs));
  // The cell's name is its content: the full date (for screen readers), the Moon, the events.
  cell.append(element("span", "sr-only", longDate(ms)));
  const head = element("div", "day-head");
  const number = element("span", "day-number", String(date.getUTCDate()));
  number.setAttribute("aria-hidden", "true");
  head.append(number);
  const angle = phaseAngle(phases, ms);
  if (angle !== null) head.append(moonIcon(angle, southern, t(phaseName(angle))));
  cell.append(head);
  for (const event of events) {
    const line = element("span", `day-event kind-${category(event.kind)}`);
    line.append(element("span", "dot"), element("span", "day-event-title", event.title));
    cell.append(line);
  }
  return cell;
}

/** The month grid: a header row of weekdays, then weeks of days with their Moon and events. */
export function renderMonth(view, events, options) {
  const { year, month } = view;
  document.getElementById("month-title").textContent = monthTitle(year, month);
  const header = element("div", "week weekdays");
  header.setAttribute("role", "row");
  for (const name of weekdayNames()) {
    const column = element("div", "weekday", name.short);
    column.setAttribute("role", "columnheader");
    column.setAttribute("aria-label", name.long);
    header.append(column);
  }
  const days = byDay(entries(events));
  const context = { ...options, month, phases: principalPhases(events) };
  const grid = gridOf(year, month);
  const rows = [header];
  for (let week = 0; week < grid.days / 7; week += 1) {
    const row = element("div", "week");
    row.setAttribute("role", "row");
    for (let i = 0; i < 7; i += 1) {
      const ms = grid.start + (week * 7 + i) * DAY_MS;
      row.append(dayCell(ms, { ...context, events: days.get(isoDay(ms)) || [] }));
    }
    rows.push(row);
  }
  document.getElementById("days").replaceChildren(...rows);
}

/** The events on the month's own days. */
export function inMonth(view, events) {
  const first = isoDay(Date.UTC(view.year, view.month - 1, 1));
  const last = isoDay(Date.UTC(view.year, view.month, 0));
  return events.filter((event) => {
    const day = event.local_time.slice(0, 10);
    return day >= first && day <= last;
  });
}

export { DAY_MS };
