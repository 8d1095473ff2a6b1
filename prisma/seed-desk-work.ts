// Demo desk work (issue 19), so each demo account's start page has something real on it:
// claims assigned to each fact-checker, a draft verdict, a verdict sent back with the editor's
// comment, and a desk comment that mentions a fact-checker. ILLUSTRATIVE demo material.

export type SeedAssignment = { claim: string; assignee: string; by: string };
export type SeedDraft = { claim: string; author: string; reasoning: string; rating: "TRUE" | "MOSTLY_TRUE" | "MIXED" | "MOSTLY_FALSE" | "FALSE" | "MISLEADING" | "UNPROVEN" };
export type SeedSentBack = SeedDraft & { reviewer: string; comment: string };
export type SeedComment = { claim: string; author: string; body: string };

export const demoAssignments: SeedAssignment[] = [
  { claim: "dozens-of-attackers-liquidated", assignee: "checker@claimdesk.test", by: "editor@claimdesk.test" },
  { claim: "almaty-police-353-security-personnel-injured", assignee: "checker@claimdesk.test", by: "editor@claimdesk.test" },
  { claim: "almaty-airport-seized-then-cleared", assignee: "checker@claimdesk.test", by: "editor@claimdesk.test" },
  { claim: "nazarbayev-removed-from-security-council", assignee: "checker@claimdesk.test", by: "editor@claimdesk.test" },
  { claim: "pashinyan-foreign-interference", assignee: "checker2@claimdesk.test", by: "editor2@claimdesk.test" },
  { claim: "nazarbayev-statue-knocked-down", assignee: "checker2@claimdesk.test", by: "editor2@claimdesk.test" },
  { claim: "umbetov-no-legal-ways-to-participate", assignee: "checker2@claimdesk.test", by: "editor2@claimdesk.test" },
];

export const demoDrafts: SeedDraft[] = [
  {
    claim: "almaty-airport-seized-then-cleared",
    author: "checker@claimdesk.test",
    rating: "MOSTLY_TRUE",
    reasoning: "Wire reports and officials agree the airport was taken and later cleared; the exact hours differ between accounts.",
  },
];

export const demoSentBack: SeedSentBack[] = [
  {
    claim: "nazarbayev-removed-from-security-council",
    author: "checker@claimdesk.test",
    rating: "TRUE",
    reasoning: "The president announced that he took over the chairmanship of the Security Council.",
    reviewer: "editor@claimdesk.test",
    comment: "Cite the decree itself, not only the speech, and say from which day the change took effect.",
  },
];

export const demoComments: SeedComment[] = [
  {
    claim: "dozens-of-attackers-liquidated",
    author: "editor@claimdesk.test",
    body: "@checker can you find a second source for “dozens liquidated”? The only account so far is the police statement.",
  },
];
