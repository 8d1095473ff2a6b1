"use client";

import { useEffect, useRef } from "react";
import { isShortcutEvent, SHORTCUTS } from "./shortcuts";

/** Moves focus to the next or previous claim link marked `data-shortcut-item` on the page. */
function moveFocus(step: 1 | -1) {
  const items = [...document.querySelectorAll<HTMLElement>("[data-shortcut-item]")];
  if (items.length === 0) return;
  const index = items.indexOf(document.activeElement as HTMLElement);
  const next = items[index === -1 ? (step === 1 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, index + step))];
  next?.focus();
  next?.scrollIntoView({ block: "nearest" });
}

function openAttachForm() {
  const details = document.querySelector<HTMLDetailsElement>("details[data-shortcut='attach']");
  if (!details) return;
  details.open = true;
  details.querySelector<HTMLElement>("input, textarea, select")?.focus();
}

/**
 * The desk's keyboard shortcuts (components/desk/shortcuts.ts) and their help overlay, a native
 * modal <dialog> (focus moves into it, Escape closes it). Keys typed in a field never trigger one.
 */
export function ShortcutsHelp() {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcutEvent(event)) return;
      const help = dialog.current;
      if (event.key === "?") {
        event.preventDefault();
        if (help?.open) help.close();
        else help?.showModal();
        return;
      }
      if (help?.open) return;
      if (event.key === "j" || event.key === "k") {
        event.preventDefault();
        moveFocus(event.key === "j" ? 1 : -1);
      } else if (event.key === "a") {
        const button = document.querySelector<HTMLButtonElement>("[data-shortcut='assign-me']:not(:disabled)");
        if (button) {
          event.preventDefault();
          button.click();
        }
      } else if (event.key === "s") {
        event.preventDefault();
        openAttachForm();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <>
      <p className="shortcuts-hint">
        <button type="button" className="link-button" onClick={() => dialog.current?.showModal()}>
          Keyboard shortcuts (press ?)
        </button>
      </p>
      <dialog ref={dialog} aria-labelledby="shortcuts-heading" className="shortcuts-dialog">
        <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
        <p className="hint">They work anywhere in the desk except while you type in a field.</p>
        <dl className="shortcuts-list">
          {SHORTCUTS.map((s) => (
            <div key={s.key}>
              <dt>
                <kbd>{s.key}</kbd>
              </dt>
              <dd>{s.label}</dd>
            </div>
          ))}
        </dl>
        <form method="dialog">
          <button type="submit">Close</button>
        </form>
      </dialog>
    </>
  );
}
