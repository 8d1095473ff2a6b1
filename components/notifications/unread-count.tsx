"use client";

import Link from "next/link";
import { useEffect, useState } from "react";

/** How often the header asks for the unread count while the tab is visible. */
export const POLL_MS = 10_000;

/**
 * The header's link to the notifications page with the unread count, kept current without a
 * reload by polling a tiny JSON endpoint (and at once when the tab becomes visible again).
 */
export function UnreadCount({ initial }: { initial: number }) {
  const [unread, setUnread] = useState(initial);
  // A server render (after an action, a navigation) brings a fresher count than the last poll.
  const [seen, setSeen] = useState(initial);
  if (seen !== initial) {
    setSeen(initial);
    setUnread(initial);
  }
  useEffect(() => {
    let stopped = false;
    const refresh = async () => {
      if (document.visibilityState !== "visible") return;
      try {
        const response = await fetch("/desk/notifications/count", { cache: "no-store", headers: { Accept: "application/json" } });
        if (!response.ok || stopped) return;
        const body = (await response.json()) as { unread?: unknown };
        if (typeof body.unread === "number") setUnread(body.unread);
      } catch {
        // Offline or restarting: the next poll tries again.
      }
    };
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    const onVisible = () => void refresh();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, []);
  return (
    <Link href="/desk/notifications" className="notifications-link" aria-label={`Notifications, ${unread} unread`}>
      Notifications{" "}
      <span className={unread > 0 ? "badge badge-warn" : "badge badge-neutral"} data-testid="unread-count">
        {unread}
      </span>
    </Link>
  );
}
