// The Moon's phase on each day, interpolated between the principal phases the API returns,
// drawn as a small SVG (no emoji font needed).

const SVG = "http://www.w3.org/2000/svg";
// Phase angle of each principal phase: 0 new, 90 first quarter, 180 full, 270 last quarter.
const PRINCIPAL = { new_moon: 0, first_quarter: 90, full_moon: 180, last_quarter: 270 };
const NAMES = [
  "page-moon-new",
  "page-moon-waxing-crescent",
  "page-moon-first-quarter",
  "page-moon-waxing-gibbous",
  "page-moon-full",
  "page-moon-waning-gibbous",
  "page-moon-last-quarter",
  "page-moon-waning-crescent",
];
const DAY_MS = 86400000;

/** Milliseconds of a local wall-clock time ("2031-03-10T08:30..."), read as if it were UTC. */
export function wallClock(localIso) {
  const [date, time = "00:00"] = localIso.slice(0, 16).split("T");
  const [y, m, d] = date.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  return Date.UTC(y, m - 1, d, hh, mm);
}

/** The principal phases among `events`, in time order, as {at, angle}. */
export function principalPhases(events) {
  return events
    .filter((event) => event.kind in PRINCIPAL)
    .map((event) => ({ at: wallClock(event.local_time), angle: PRINCIPAL[event.kind] }))
    .sort((a, b) => a.at - b.at);
}

/**
 * The phase angle (0..360) at local noon of `dayMs` (a UTC-midnight date), or null outside the
 * known phases. A day holding a principal phase shows exactly that phase.
 */
export function phaseAngle(phases, dayMs) {
  const exact = phases.find((phase) => phase.at >= dayMs && phase.at < dayMs + DAY_MS);
  if (exact) return exact.angle;
  const noon = dayMs + DAY_MS / 2;
  for (let i = 0; i + 1 < phases.length; i += 1) {
    const before = phases[i];
    const after = phases[i + 1];
    if (before.at <= noon && noon < after.at) {
      const span = (after.angle - before.angle + 360) % 360 || 360;
      return (before.angle + (span * (noon - before.at)) / (after.at - before.at)) % 360;
    }
  }
  return null;
}

/** The message id naming the phase (one of eight). */
export function phaseName(angle) {
  return NAMES[Math.round(angle / 45) % 8];
}

/** A moon disc lit for `angle`; mirrored for the southern hemisphere, where it looks that way. */
export function moonIcon(angle, southern, label) {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 20 20");
  svg.setAttribute("class", "moon");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  const title = document.createElementNS(SVG, "title");
  title.textContent = label;
  const disc = document.createElementNS(SVG, "circle");
  disc.setAttribute("cx", "10");
  disc.setAttribute("cy", "10");
  disc.setAttribute("r", "9");
  disc.setAttribute("class", "moon-dark");
  const lit = document.createElementNS(SVG, "path");
  lit.setAttribute("d", litPath(angle));
  lit.setAttribute("class", "moon-lit");
  if (southern) lit.setAttribute("transform", "matrix(-1 0 0 1 20 0)");
  svg.append(title, disc, lit);
  return svg;
}

/** The lit part: the limb's half on the Sun's side closed by the terminator's half-ellipse. */
function litPath(angle) {
  const radians = (angle * Math.PI) / 180;
  const waxing = angle < 180;
  const crescent = Math.cos(radians) > 0;
  const rx = Math.abs(Math.cos(radians)) * 9;
  const limbSweep = waxing ? 1 : 0;
  const terminatorSweep = waxing === crescent ? 0 : 1;
  return `M10 1 A9 9 0 0 ${limbSweep} 10 19 A${rx.toFixed(2)} 9 0 0 ${terminatorSweep} 10 1 Z`;
}
