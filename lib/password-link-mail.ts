import { createTransport } from "nodemailer";
import { getEnv, type Env } from "./env";
import { systemLog } from "./log";
import type { PasswordLinkPurpose } from "./generated/prisma/enums";

type MailEnv = Pick<Env, "SMTP_URL" | "SMTP_FROM">;

/**
 * E-mails a password link to its person when SMTP_URL is configured (after the commit, never
 * inside the transaction). Returns whether it went out; a failure is logged, not thrown: the admin
 * still has the link to send by their own channel. The mail holds the link and nothing else secret.
 */
export async function sendPasswordLinkEmail(
  message: { to: string; name: string; purpose: PasswordLinkPurpose; url: string; expiresAt: Date },
  env: MailEnv = getEnv(),
): Promise<boolean> {
  if (!env.SMTP_URL) return false;
  const transport = createTransport(env.SMTP_URL);
  const invite = message.purpose === "INVITE";
  try {
    await transport.sendMail({
      from: env.SMTP_FROM,
      to: message.to,
      subject: invite ? "You are invited to the claimdesk desk" : "Choose a new claimdesk password",
      text:
        `${message.name},\n\n` +
        (invite ? "An admin invited you to the fact-checking desk. Choose your password here:" : "An admin sent you a link to choose a new password:") +
        `\n\n${message.url}\n\nThe link works once, until ${message.expiresAt.toISOString().replace("T", " ").slice(0, 16)} UTC. ` +
        "If you did not expect it, ignore this mail.\n",
    });
    return true;
  } catch (error) {
    systemLog().warn({ event: "password_link.mail_failed", err: error instanceof Error ? error.message : String(error) }, "password link mail not sent");
    return false;
  } finally {
    transport.close();
  }
}
