import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { listNotifications } from "@/lib/data/notifications";
import { MarkReadButton } from "@/components/notifications/mark-read-button";
import { notificationSentence } from "@/lib/notification-text";
import { ShortTimeAgo } from "@/components/verdicts/time-ago";

export const metadata: Metadata = { title: "Notifications" };

/** The caller's notifications, unread first: assignments, review requests, decisions, mentions. */
export default async function NotificationsPage() {
  const actor = await requirePageActor();
  const items = await listNotifications(actor.id);
  const unread = items.filter((item) => !item.read).length;

  return (
    <>
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h1>Notifications</h1>
        {unread > 0 ? <MarkReadButton label={`Mark all ${unread} read`} /> : null}
      </div>
      <p className="muted" role="status">
        {unread === 0 ? "Nothing unread." : `${unread} unread.`} You are told when a claim is assigned to you, a verdict waits for review (editors), your
        verdict is approved or sent back, someone mentions you in a comment, or a source your claim cites changes or disappears.
      </p>
      {items.length === 0 ? (
        <div className="empty">
          <p>No notifications yet. They appear here, and as a count in the header, as colleagues work with you.</p>
        </div>
      ) : (
        <ul className="work-list">
          {items.map((item) => (
            <li key={item.id}>
              <div className="row" style={{ justifyContent: "space-between" }}>
                <span>
                  {item.read ? null : <span className="badge badge-warn">New</span>} {notificationSentence(item.kind, item.actorName)}:{" "}
                  <Link href={`/desk/claims/${item.claim.slug}`} data-shortcut-item>
                    {item.claim.text}
                  </Link>
                </span>
                {item.read ? null : <MarkReadButton id={item.id} label="Mark read" />}
              </div>
              {item.commentExcerpt ? <p className="comment-body">“{item.commentExcerpt}”</p> : null}
              <div className="hint">
                <ShortTimeAgo date={new Date(item.createdAt)} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
