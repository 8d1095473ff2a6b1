/** The attach form's "keep a copy" choice: the server fetches the page safely and keeps it (lib/fetcher). */
export function SnapshotField() {
  return (
    <div className="field">
      <label style={{ fontWeight: 400 }}>
        <input type="checkbox" name="keepSnapshot" defaultChecked style={{ width: "auto" }} aria-describedby="ev-keepSnapshot-hint" />{" "}
        <strong>Keep a copy of the page now</strong>
      </label>
      <p id="ev-keepSnapshot-hint" className="hint">
        We fetch the page once, keep its text and HTML with a fingerprint, and check the excerpt against it. Only public web pages are fetched; if the page
        cannot be fetched the source is still attached and we say why.
      </p>
    </div>
  );
}
