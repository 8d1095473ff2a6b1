import Link from "next/link";

export default function StoryNotFound() {
  return (
    <>
      <h1>Story not found</h1>
      <p className="empty">
        There is no story with published checks at this address. <Link href="/">Browse the ledger</Link>.
      </p>
    </>
  );
}
