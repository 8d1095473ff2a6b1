/**
 * The demo accounts' passwords: printed in the README and by `npm start`, so nobody may use them
 * for a real account (the password rules refuse them) and a production start refuses to run while
 * an account still has one (lib/seed/demo-policy.ts). Kept equal to prisma/seed-data.ts by a test.
 */
export const PUBLISHED_PASSWORDS: readonly string[] = [
  "checker-demo-pass",
  "checker2-demo-pass",
  "editor-demo-pass",
  "editor2-demo-pass",
  "admin-demo-pass",
];
