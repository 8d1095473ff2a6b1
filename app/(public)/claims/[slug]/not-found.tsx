import Link from "next/link";

export default function ClaimNotFound() {
  return (
    <>
      <h1>Claim not found</h1>
      <p className="empty">
        There is no published check at this address. It may not be published yet, or it was retracted. <Link href="/">Browse the ledger</Link>.
      </p>
    </>
  );
}
