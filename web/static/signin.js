// The three ways in: the bot's one-time link, the Telegram Mini App, email and password.

import { publicRequest } from "./api.js";

const TELEGRAM_SDK = "https://telegram.org/js/telegram-web-app.js";

/** The bot's /login?token= link; the token leaves the address bar before it is even sent. */
export function oneTimeToken() {
  const url = new URL(location.href);
  const token = url.searchParams.get("token");
  if (url.pathname !== "/login" || !token) return null;
  url.searchParams.delete("token");
  history.replaceState(null, "", `/${url.search}${url.hash}`);
  return token;
}

export function signInWithToken(token) {
  return publicRequest("POST", "/api/auth/token", { token });
}

/** Opened as a Mini App: Telegram puts tgWebAppData in the address's fragment. */
export function inTelegram() {
  return new URLSearchParams(location.hash.slice(1)).has("tgWebAppData");
}

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.addEventListener("load", resolve);
    script.addEventListener("error", () => reject(new Error(`cannot load ${src}`)));
    document.head.append(script);
  });
}

// The page's accents keep WCAG AA on backgrounds at least this light (a light scheme) or at
// most this dark (a dark one); a Telegram background in between keeps the page's own.
const LIGHT_BG_MIN = 0.72;
const DARK_BG_MAX = 0.08;
// Muted text is mixed from text and background: text this far from the background keeps AA.
const TEXT_CONTRAST_MIN = 7;

/** WCAG relative luminance of "#rrggbb", or null for anything else. */
function luminance(color) {
  const match = /^#([0-9a-f]{6})$/i.exec(color || "");
  if (!match) return null;
  const channels = [0, 2, 4].map((at) => {
    const value = parseInt(match[1].slice(at, at + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

function contrast(a, b) {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/**
 * Follow the Mini App's light or dark scheme and, where they keep every text readable (WCAG AA),
 * its background and text colours; Telegram's hint and link colours can be too faint and are
 * never used.
 */
function followTelegramTheme(app) {
  const root = document.documentElement;
  const scheme = app.colorScheme === "light" || app.colorScheme === "dark" ? app.colorScheme : null;
  if (scheme) root.dataset.theme = scheme;
  else delete root.dataset.theme;
  root.style.removeProperty("--bg");
  root.style.removeProperty("--text");
  const theme = app.themeParams || {};
  const bg = luminance(theme.bg_color);
  const fits = bg !== null && (scheme === "light" ? bg >= LIGHT_BG_MIN : bg <= DARK_BG_MAX);
  if (!scheme || !fits) return;
  root.style.setProperty("--bg", theme.bg_color);
  const text = luminance(theme.text_color);
  if (text !== null && contrast(text, bg) >= TEXT_CONTRAST_MIN) {
    root.style.setProperty("--text", theme.text_color);
  }
}

/**
 * Load Telegram's SDK (only inside Telegram) and sign in with initData; null when the SDK cannot
 * be loaded, so the page offers its ordinary sign-in instead.
 */
export async function signInWithTelegram() {
  try {
    await loadScript(TELEGRAM_SDK);
  } catch {
    return null;
  }
  const app = window.Telegram && window.Telegram.WebApp;
  if (!app || !app.initData) return null;
  app.ready();
  app.expand();
  followTelegramTheme(app);
  // Telegram's theme can change while the Mini App is open.
  if (app.onEvent) app.onEvent("themeChanged", () => followTelegramTheme(app));
  return publicRequest("POST", "/api/auth/webapp", { init_data: app.initData });
}

/** Email and password: sign in, or create the account in the page's language and timezone. */
export function signInWithPassword({ email, password, register, language }) {
  if (!register) return publicRequest("POST", "/api/auth/login", { email, password });
  const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return publicRequest("POST", "/api/auth/register", { email, password, language, timezone });
}
