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

/** Follow the Mini App's light or dark scheme and its background and text colours. */
function followTelegramTheme(app) {
  const root = document.documentElement;
  if (app.colorScheme === "light" || app.colorScheme === "dark") {
    root.dataset.theme = app.colorScheme;
  }
  const theme = app.themeParams || {};
  // Only the two base colours: the page derives muted text and accents from them with enough
  // contrast, where Telegram's hint and link colours can be too faint.
  if (theme.bg_color) root.style.setProperty("--bg", theme.bg_color);
  if (theme.text_color) root.style.setProperty("--text", theme.text_color);
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
  return publicRequest("POST", "/api/auth/webapp", { init_data: app.initData });
}

/** Email and password: sign in, or create the account in the page's language and timezone. */
export function signInWithPassword({ email, password, register, language }) {
  if (!register) return publicRequest("POST", "/api/auth/login", { email, password });
  const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return publicRequest("POST", "/api/auth/register", { email, password, language, timezone });
}
