// The live connection (/ws): the access token as the first message, renewed when the server
// asks, reconnection with backoff. The protocol is described in web/ws/endpoint.py.

import { accessToken, refresh } from "./api.js";

const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30000;
const TOKEN_REJECTED = new Set([4401, 4419]);

/** The last `keep` ids seen, so a redelivered push is shown once; older ones are forgotten. */
export class RecentIds {
  constructor(keep) {
    this.keep = keep;
    this.ids = new Set();
  }

  /** Whether `id` was seen before; remembers it. */
  seenBefore(id) {
    if (this.ids.has(id)) return true;
    this.ids.add(id);
    if (this.ids.size > this.keep) this.ids.delete(this.ids.values().next().value);
    return false;
  }

  get size() {
    return this.ids.size;
  }
}

export function connectLive({ onPush, onProfile, onState }) {
  let socket = null;
  let stopped = false;
  let retryMs = FIRST_RETRY_MS;
  let timer = null;

  const sendToken = () => {
    const token = accessToken();
    if (token && socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ type: "auth", token }));
    }
  };

  const renew = async () => {
    try {
      await refresh(accessToken());
      sendToken();
    } catch {
      // The close that follows the token's expiry brings a reconnection (or the session ended).
    }
  };

  const open = () => {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    socket = new WebSocket(`${scheme}//${location.host}/ws`);
    socket.addEventListener("open", sendToken);
    socket.addEventListener("message", (message) => {
      let frame;
      try {
        frame = JSON.parse(message.data);
      } catch {
        return;
      }
      if (frame.type === "auth.ok") {
        retryMs = FIRST_RETRY_MS;
        onState(true);
      } else if (frame.type === "auth.refresh") {
        renew();
      } else if (frame.type === "profile.updated") {
        onProfile(frame.data);
      } else {
        onPush(frame);
      }
    });
    socket.addEventListener("close", async (event) => {
      onState(false);
      if (stopped) return;
      if (TOKEN_REJECTED.has(event.code)) {
        try {
          await refresh(accessToken());
        } catch (error) {
          if (error.status === 401 || error.status === 422) return;
        }
      }
      // Half the wait at random: sockets dropped together (a web process restarting) come back
      // spread over time instead of all at once.
      timer = setTimeout(open, retryMs / 2 + Math.random() * (retryMs / 2));
      retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
    });
  };

  open();
  return {
    close() {
      stopped = true;
      clearTimeout(timer);
      if (socket) socket.close(1000);
    },
  };
}
