"use client";

import { useEffect, useState } from "react";
import type { SourceOption } from "@/lib/data/sources";
import { FieldError } from "@/components/ui/field-error";

type Found = { data: SourceOption[]; more: boolean; scope: "claim" | "search" | "none" };
type Lookup = { status: "idle" | "loading" | "done" | "error"; query: string; found?: Found; message?: string };

/** Fewer characters would match most sources; the trigram index is at its best from three. */
const MIN_QUERY = 2;

async function fetchSources(claimId: string, query: string, signal: AbortSignal): Promise<Found> {
  const params = new URLSearchParams({ claim: claimId, q: query });
  const response = await fetch(`/desk/sources?${params.toString()}`, { signal, headers: { accept: "application/json" } });
  const body = (await response.json().catch(() => null)) as (Found & { error?: { message?: string } }) | null;
  if (response.status === 401) throw new Error("Your session has ended: sign in again to search our sources.");
  if (!response.ok || !body) throw new Error(body?.error?.message ?? `The search failed (HTTP ${response.status}). Try again, or enter the cited source below.`);
  return body;
}

function describe(lookup: Lookup): string {
  if (lookup.status === "idle") return "";
  if (lookup.status === "loading") return "Searching…";
  if (lookup.status === "error") return lookup.message ?? "The search failed.";
  const found = lookup.found!;
  const n = found.data.length;
  const plural = (count: number) => `${count} source${count === 1 ? "" : "s"}`;
  if (found.scope === "none") return `Type at least ${MIN_QUERY} characters of an outlet, title or web address.`;
  if (found.scope === "claim") {
    return n === 0
      ? `No sources on this claim yet. Type at least ${MIN_QUERY} characters to search all our sources.`
      : `${plural(n)} already on this claim. Type to search all our sources.`;
  }
  if (n === 0) return `No source matches “${lookup.query}”. Check the spelling, or enter the cited source below.`;
  return `${plural(n)} match “${lookup.query}”${found.more ? `; showing the first ${n}, type more to narrow it down` : ""}.`;
}

/**
 * The "cites" picker: searches our sources on demand (GET /desk/sources) instead of shipping every
 * source with the page. Submits `citesSourceId` exactly as the old select did.
 */
export function CitesPicker({ claimId, errors, idPrefix = "ev", initial = null }: { claimId: string; errors?: string[]; idPrefix?: string; initial?: SourceOption | null }) {
  const [active, setActive] = useState(false);
  const [query, setQuery] = useState("");
  const [lookup, setLookup] = useState<Lookup>({ status: "idle", query: "" });
  const [selected, setSelected] = useState<SourceOption | null>(initial);
  const id = (name: string) => `${idPrefix}-${name}`;

  useEffect(() => {
    if (!active) return;
    const q = query.trim();
    if (q.length > 0 && q.length < MIN_QUERY) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLookup({ status: "loading", query: q });
      fetchSources(claimId, q, controller.signal).then(
        (found) => setLookup({ status: "done", query: q, found }),
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setLookup({ status: "error", query: q, message: error instanceof Error ? error.message : String(error) });
        },
      );
    }, q.length === 0 ? 0 : 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [active, claimId, query]);

  const typed = query.trim();
  // One or two characters: nothing is searched (see MIN_QUERY); the status line says why.
  const view: Lookup =
    active && typed.length > 0 && typed.length < MIN_QUERY ? { status: "done", query: typed, found: { data: [], more: false, scope: "none" } } : lookup;
  const results = view.found?.data ?? [];
  // The chosen source stays listed (and submitted) while the user searches for something else.
  const shown = selected && !results.some((s) => s.id === selected.id) ? [selected, ...results] : results;
  const error = errors?.[0];

  return (
    <div className="field">
      <label htmlFor={id("cites-search")}>Find a source we have</label>
      <input
        id={id("cites-search")}
        type="search"
        autoComplete="off"
        value={query}
        onFocus={() => setActive(true)}
        onChange={(e) => {
          setActive(true);
          setQuery(e.target.value);
        }}
        aria-describedby={`${id("cites-search-hint")} ${id("cites-status")}${error ? ` ${id("citesSourceId-error")}` : ""}`}
        aria-invalid={error ? true : undefined}
        aria-controls={id("cites-results")}
      />
      <p id={id("cites-search-hint")} className="hint">
        Part of the outlet, title or web address. Before you type, the sources already on this claim are listed.
      </p>
      <p id={id("cites-status")} role="status" aria-live="polite" className="hint">
        {describe(view)}
      </p>
      <fieldset id={id("cites-results")} aria-describedby={error ? id("citesSourceId-error") : undefined} aria-busy={view.status === "loading"}>
        <legend>Pick a source we have</legend>
        <label style={{ fontWeight: 400 }}>
          <input type="radio" name="citesSourceId" value="" checked={selected === null} onChange={() => setSelected(null)} style={{ width: "auto" }} />{" "}
          None
        </label>
        {shown.map((source) => (
          <label key={source.id} style={{ fontWeight: 400 }}>
            <input
              type="radio"
              name="citesSourceId"
              value={source.id}
              checked={selected?.id === source.id}
              onChange={() => setSelected(source)}
              style={{ width: "auto" }}
            />{" "}
            <strong>{source.outlet}</strong> <span className="muted">— {source.title ? `${source.title} · ` : ""}{source.url}</span>
          </label>
        ))}
        <FieldError id={id("citesSourceId-error")} messages={error ? [error] : undefined} />
      </fieldset>
    </div>
  );
}
