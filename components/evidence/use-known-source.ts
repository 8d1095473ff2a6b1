"use client";

import { useCallback, useEffect, useState, type ChangeEvent, type RefObject } from "react";
import type { KnownSource } from "@/lib/data/sources";

const FILLED = "Known source: fields filled from it.";
const NOTHING_TO_FILL = "Known source: the fields already had values, so nothing was changed.";

async function lookUp(url: string, signal: AbortSignal): Promise<KnownSource | null> {
  const response = await fetch(`/desk/sources/known?${new URLSearchParams({ url }).toString()}`, { signal, headers: { accept: "application/json" } });
  if (!response.ok) return null; // a lookup that fails only means nothing is filled in
  const body = (await response.json().catch(() => null)) as { data: KnownSource | null } | null;
  return body?.data ?? null;
}

/** Sets a field only when the person left it empty (language: while it still holds its default). */
function fillEmpty(form: HTMLFormElement, source: KnownSource): boolean {
  const values: Record<string, string | null> = {
    outlet: source.outlet,
    type: source.type,
    title: source.title,
    language: source.language,
    // datetime-local takes "2022-01-06T10:00", read as UTC like every date the desk enters.
    publishedAt: source.publishedAt ? source.publishedAt.slice(0, 16) : null,
  };
  let filled = false;
  for (const [name, value] of Object.entries(values)) {
    const control = form.elements.namedItem(name);
    if (!value || !(control instanceof HTMLInputElement || control instanceof HTMLSelectElement)) continue;
    const untouched = control.value === "" || (control instanceof HTMLInputElement && name === "language" && control.value === control.defaultValue);
    if (!untouched || control.value === value) continue;
    control.value = value;
    filled = true;
  }
  return filled;
}

/**
 * The attach form's "known URL": when the URL typed is a source we have (same normalised URL,
 * GET /desk/sources/known), its outlet, type, title, date and language fill the empty fields, and
 * a polite live region says so.
 */
export function useKnownSource(form: RefObject<HTMLFormElement | null>) {
  const [url, setUrl] = useState("");
  const [message, setMessage] = useState("");

  useEffect(() => {
    const typed = url.trim();
    if (!/^https?:\/\/[^\s/]+\.[^\s]+/i.test(typed)) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      lookUp(typed, controller.signal).then(
        (source) => {
          if (controller.signal.aborted) return;
          if (!source || !form.current) return setMessage("");
          setMessage(fillEmpty(form.current, source) ? FILLED : NOTHING_TO_FILL);
        },
        () => undefined, // aborted, or offline: the person fills the fields as usual
      );
    }, 350);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [form, url]);

  const onUrlChange = useCallback((event: ChangeEvent<HTMLInputElement>) => {
    setUrl(event.target.value);
    setMessage("");
  }, []);
  // Stable, so the form's reset effect runs once per result.
  const clear = useCallback(() => {
    setUrl("");
    setMessage("");
  }, []);
  return { message, onUrlChange, clear };
}
