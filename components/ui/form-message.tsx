import type { ReactNode } from "react";

/** The form-level message: announced (an alert for errors, a status otherwise), shown as an alert box. */
export function FormMessage({ tone, id, children }: { tone: "error" | "ok" | "warn"; id?: string; children: ReactNode }) {
  return (
    <p id={id} className={`alert alert-${tone}`} role={tone === "error" ? "alert" : "status"}>
      {children}
    </p>
  );
}
