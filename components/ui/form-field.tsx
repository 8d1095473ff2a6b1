import type { ReactNode } from "react";
import { describedBy, FieldError } from "./field-error";

export type ControlProps = {
  id: string;
  name: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
};

/**
 * A labelled control with its hint and field error, linked through aria-describedby so a screen
 * reader announces the error with the field. Only the first error is shown.
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
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.render({
        id,
        name: props.name,
        "aria-describedby": describedBy(Boolean(props.hint) && `${id}-hint`, error && `${id}-error`),
        "aria-invalid": error ? true : undefined,
      })}
      {props.hint ? (
        <p id={`${id}-hint`} className="hint">
          {props.hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} messages={error ? [error] : undefined} />
    </div>
  );
}
