/** The desk's keyboard shortcuts, one table for the handler and the help overlay. */
export const SHORTCUTS = [
  { key: "j", label: "Next claim in the list" },
  { key: "k", label: "Previous claim in the list" },
  { key: "a", label: "Assign the open claim to me" },
  { key: "s", label: "Open the “Attach a source” form on a claim" },
  { key: "?", label: "Show or hide this list" },
] as const;

/** Typing in a field, or a key held with Ctrl, Alt or Meta, is never a shortcut. */
export function isShortcutEvent(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "target" | "isComposing">): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return false;
  const target = event.target as { tagName?: string; isContentEditable?: boolean; closest?: (s: string) => unknown } | null;
  if (!target) return true;
  if (target.isContentEditable) return false;
  return !["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName ?? "");
}
