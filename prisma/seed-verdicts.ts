// Demo verdicts, so the public ledger has checks to show and the review queue has work.
// Written by a fact-checker, approved and published by an editor (never the same person).
// Ratings and reasoning are ILLUSTRATIVE demo material built on the demo sources.
import type { Rating } from "../lib/generated/prisma/enums";

export type SeedVerdict = {
  claim: string; // claim slug
  rating: Rating;
  reasoning: string;
  evidenceGap?: string;
  asOf?: string;
  /** "published" goes through review and publication; "submitted" waits in the review queue. */
  stage: "published" | "submitted";
  /** A later correction of the published verdict, published through the same review. */
  correction?: { rating: Rating; reasoning: string; note: string };
};

export const demoVerdicts: SeedVerdict[] = [
  {
    claim: "overall-toll-dozens-killed-hundreds-injured",
    rating: "MOSTLY_TRUE",
    stage: "published",
    asOf: "2022-01-15T08:00:00.000Z",
    reasoning:
      "On 6 January the authorities' counts were dozens killed and hundreds injured, as the claim says, though the health ministry already put the injured at more than 1,000 within the hour. The toll kept rising: the health ministry said at least 164 people were killed as of 9 January, and the prosecutor-general's office said 225 as of 15 January. The later counts do not contradict the claim; they show how much it understated.",
    evidenceGap: "No independent count of the dead has been published; every figure comes from a state body.",
  },
  {
    claim: "nationwide-internet-shutdown-netblocks",
    rating: "TRUE",
    stage: "published",
    asOf: "2022-01-06T06:00:00.000Z",
    reasoning:
      "NetBlocks' network measurements show national connectivity falling to a fraction of ordinary levels on the evening of 5 January; AP's report relies on NetBlocks and adds nothing independent, so this rests on one origin, but that origin publishes its measurements.",
  },
  {
    claim: "state-of-emergency-until-january-19",
    rating: "TRUE",
    stage: "published",
    reasoning: "The presidential decrees published by Akorda declare the state of emergency and the curfew until 19 January.",
  },
  {
    claim: "tokayev-protesters-international-terrorists",
    rating: "UNPROVEN",
    stage: "published",
    reasoning:
      "The framing comes from the president and is repeated by the CSTO, which cites him. Activists and protesters quoted by the New York Times and the Guardian describe domestic grievances.",
    evidenceGap: "No evidence has been published of foreign fighters or of an international organisation directing the protests.",
  },
  {
    claim: "lpg-price-cap-180-days",
    rating: "MOSTLY_TRUE",
    stage: "published",
    reasoning: "The decree sets a price cap for 180 days; reports disagree on the day it was announced.",
    correction: {
      rating: "TRUE",
      reasoning: "The decree text sets the cap for 180 days at 2021 levels; the announcement date is immaterial to the claim.",
      note: "Upgraded from mostly true to true: the earlier verdict counted the reports' disagreement about the announcement day against a claim that does not depend on it.",
    },
  },
  {
    claim: "mamin-cabinet-resigned",
    rating: "TRUE",
    stage: "submitted",
    reasoning: "Akorda published the decree accepting the government's resignation on 5 January; Reuters cites it.",
  },
];
