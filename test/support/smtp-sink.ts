import type { TestContext } from "node:test";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string; data: string };

/**
 * A real SMTP server on a free local port that keeps every message it is given, closed when the test
 * ends. `url` is what SMTP_URL would be set to.
 */
export async function smtpSink(t: TestContext): Promise<{ url: string; received: ReceivedMail[] }> {
  const received: ReceivedMail[] = [];
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let data = "";
      stream.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
  t.after(() => new Promise<void>((resolve) => sink.close(() => resolve())));
  const { port } = sink.server.address() as { port: number };
  return { url: `smtp://127.0.0.1:${port}`, received };
}
