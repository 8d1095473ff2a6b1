"use client";

import { useEffect } from "react";

// Unexpected failures end here; expected ones are shown inline by the forms.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main">
      <h1>Something went wrong</h1>
      <p>The page could not be shown. Nothing you submitted was half-saved: changes are written whole or not at all.</p>
      <p>If the service is busy or restarting, this clears by itself: try again in a few seconds.</p>
      {error.digest ? <p className="muted">Reference for the team: {error.digest}</p> : null}
      <button type="button" onClick={reset}>
        Try again
      </button>
    </main>
  );
}
