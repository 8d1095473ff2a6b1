import { listClaimComments } from "@/lib/data/comments";
import { ShortTimeAgo } from "@/components/verdicts/time-ago";
import { CommentForm } from "./comment-form";

/** The desk's conversation on a claim, oldest first, and the form to add to it. Never public. */
export async function ClaimComments({ claimId, handles }: { claimId: string; handles: string[] }) {
  const comments = await listClaimComments(claimId);
  return (
    <section className="panel start-panel" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Desk comments ({comments.length})</h2>
      {comments.length === 0 ? (
        <p className="muted">No comments yet. Ask a colleague here; readers never see this conversation.</p>
      ) : (
        <ol className="work-list" aria-label="Comments">
          {comments.map((comment) => (
            <li key={comment.id}>
              <strong>{comment.author.name}</strong>{" "}
              <span className="hint">
                <ShortTimeAgo date={new Date(comment.createdAt)} />
              </span>
              <p className="comment-body">{comment.body}</p>
            </li>
          ))}
        </ol>
      )}
      <CommentForm claimId={claimId} handles={handles} />
    </section>
  );
}
