/** A desk user a comment can mention: by name ("@Dana Editor") or by the e-mail's local part ("@dana"). */
export type Mentionable = { id: string; name: string; email: string };

export function mentionHandle(user: Pick<Mentionable, "email">): string {
  return user.email.split("@")[0]!.toLowerCase();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The users a comment mentions. A mention is "@" at the start of the text or after a space or
 * punctuation, followed by the user's full name or handle, and not followed by a letter, digit or
 * "@" (so "@dana" does not mention "danae", and an e-mail address mentions nobody). Case ignored.
 */
export function findMentions<U extends Mentionable>(body: string, users: readonly U[]): U[] {
  return users.filter((user) =>
    [user.name, mentionHandle(user)].some((words) =>
      new RegExp(`(?:^|[\\s(\\[{,;:])@${escape(words.trim())}(?![\\p{L}\\p{N}@_-])`, "iu").test(body),
    ),
  );
}
