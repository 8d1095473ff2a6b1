import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main">
      <h1>Page not found</h1>
      <p>This claim, story or page does not exist, or it has not been published.</p>
      <p>
        <Link href="/">Back to the claim ledger</Link>
      </p>
    </main>
  );
}
