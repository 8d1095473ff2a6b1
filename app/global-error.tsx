"use client";

export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main id="main" style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
          <h1>claimdesk is unavailable</h1>
          <p>The application failed to load. Try again in a moment.</p>
          <button type="button" onClick={reset}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
