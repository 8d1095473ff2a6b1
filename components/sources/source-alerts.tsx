import Link from "next/link";
import type { SourceAlertView } from "@/lib/data/source-snapshots";
import { diffWords } from "@/lib/public/diff";
import { formatWhen } from "@/components/evidence/format";
import { ConfirmAlertButton } from "./confirm-alert-button";

type Alert = SourceAlertView & { outlet: string };

/**
 * Cited pages that changed or vanished since they were kept (npm run sources:recheck), with the
 * main text's changes. Readers are told only once an editor confirms.
 */
export function SourceAlerts({ alerts, canConfirm }: { alerts: Alert[]; canConfirm: boolean }) {
  if (alerts.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="source-alerts-heading">
      <h2 id="source-alerts-heading">Source alerts</h2>
      <ol className="stack" style={{ listStyle: "none", padding: 0 }}>
        {alerts.map((alert) => (
          <li key={alert.id} className="panel">
            <h3 style={{ margin: 0 }}>
              {alert.outlet}: {alert.kind === "GONE" ? `page gone (HTTP ${alert.status})` : "page changed"}{" "}
              <span className={`badge ${alert.confirmedAt ? "badge-neutral" : "badge-warn"}`}>{alert.confirmedAt ? "Readers told" : "Not confirmed"}</span>
            </h3>
            <p className="muted">
              Noticed {formatWhen(alert.detectedAt.toISOString())}; cited copy <Link href={`/desk/snapshots/${alert.before.id}`}>of {formatWhen(alert.before.fetchedAt.toISOString())}</Link>
              {alert.after ? (
                <>
                  , new copy <Link href={`/desk/snapshots/${alert.after.id}`}>of {formatWhen(alert.after.fetchedAt.toISOString())}</Link>
                </>
              ) : null}
              .
            </p>
            {alert.after ? <TextDiff before={alert.before.mainText} after={alert.after.mainText} /> : null}
            {alert.confirmedAt ? (
              <p className="hint">Confirmed {formatWhen(alert.confirmedAt.toISOString())}: published claims citing this source say it changed after it was cited.</p>
            ) : canConfirm ? (
              <ConfirmAlertButton alertId={alert.id} />
            ) : (
              <p className="hint">An editor decides whether readers are told.</p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function TextDiff({ before, after }: { before: string; after: string }) {
  const segments = diffWords(before, after);
  return (
    <div className="diff text-diff" role="region" tabIndex={0} aria-label="Changes to the page's main text: removed words struck through, added words underlined">
      {segments.map((s, i) =>
        s.op === "same" ? (
          <span key={i}>{s.text}</span>
        ) : s.op === "added" ? (
          <ins key={i}>{s.text}</ins>
        ) : (
          <del key={i}>{s.text}</del>
        ),
      )}
    </div>
  );
}
