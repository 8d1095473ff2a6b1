import type { ReactNode } from "react";

export type ControlProps = {
  id: string;
  name: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
};

/**
 * A labelled control with its hint and field error, linked through aria-describedby so a screen
 * reader announces the error with the field.
 */
export function FormField(props: {
  name: string;
  label: string;
  idPrefix?: string;
  hint?: ReactNode;
  errors?: string[];
  render: (control: ControlProps) => ReactNode;
}) {
  const id = `${props.idPrefix ?? "f"}-${props.name}`;
  const error = props.errors?.[0];
  const describedBy = [props.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.render({ id, name: props.name, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {props.hint ? (
        <p id={`${id}-hint`} className="hint">
          {props.hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The form-level message: announced politely, shown as an alert box. */
export function FormMessage({ tone, children }: { tone: "error" | "ok" | "warn"; children: ReactNode }) {
  return (
    <p className={`alert alert-${tone}`} role={tone === "error" ? "alert" : "status"}>
      {children}
    </p>
  );
}
