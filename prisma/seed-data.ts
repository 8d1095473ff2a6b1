// Demo data for claimdesk: the Kazakhstan unrest of January 2022, built on the report in
// ../shared/corpus/2022-01-06-kazakhstan-csto.txt. A pure data module: the seed script loads it
// idempotently with upserts (users by email, story by slug, sources by normalised URL, claims by
// slug, evidence by claim + source).
//
// What comes from the report: every claim `sentence` (a verbatim substring of the corpus file, so
// `text.indexOf(sentence)` anchors it), the speakers and the sources it names, and the figures it
// gives. Everything else (URLs, publication times, wire excerpts, the interior ministry and health
// ministry counts, the rights-group and eyewitness accounts) is ILLUSTRATIVE DEMO DATA: plausible,
// but not checked against the real sources. Evidence built on such material says so in `note`.
// Do not reuse any of it as a finding.

// Local mirrors of the Prisma enums (prisma/schema.prisma), so this module needs no imports.
export type Role = "FACT_CHECKER" | "EDITOR" | "ADMIN";
export type ClaimKind = "NUMERIC" | "EVENT" | "FRAMING" | "QUOTE";
export type ClaimStatus = "NEW" | "RESEARCHING" | "VERDICT_DRAFTED" | "IN_REVIEW" | "PUBLISHED" | "RETRACTED";
export type SourceType = "OFFICIAL" | "WIRE" | "NEWS_OUTLET" | "NGO_MONITOR" | "SOCIAL" | "EYEWITNESS" | "DOCUMENT";
export type Stance = "SUPPORTS" | "CONTRADICTS" | "MIXED" | "CONTEXT";
export type FigureBound = "EXACT" | "RANGE" | "ESTIMATE" | "AT_LEAST" | "MORE_THAN" | "OVER" | "UP_TO" | "NEARLY" | "FEWER_THAN";

export type SeedSource = {
  key: string;
  url: string;
  outlet: string;
  type: SourceType;
  language: string;
  title?: string;
  publishedAt?: string /* ISO */;
  reliabilityNote?: string;
};

export type SeedFigure = {
  /** Left out: inferred as before kinds existed (lib/domain/figures.ts inferBound): exact, range, or the estimate for words. */
  bound?: FigureBound;
  low: number | null;
  high: number | null;
  /** The source's own words ("more than 1,000"); with bound ESTIMATE, low..high is the desk's reading of them. */
  words?: string;
  /** What was counted, in the source's words: a label or synonym of `demoVocabulary` ("people killed" files under "deaths"). */
  counted: string;
  asOf?: string /* ISO */;
};

export type SeedEvidence = {
  source: string /* SeedSource.key */;
  stance: Stance;
  excerpt: string;
  location?: string;
  /** Who speaks inside the source. */
  attribution?: string;
  /** The source this one relies on (SeedSource.key): NYT citing the Almaty police is one origin, not two. */
  cites?: string /* SeedSource.key */;
  figure?: SeedFigure;
  /** Maps to Evidence.note: marks illustrative demo material and desk caveats. */
  note?: string;
  /** The desk's own English translation of an excerpt in another language (the source's language). */
  translation?: string;
};

export type SeedClaim = {
  slug: string;
  text: string;
  claimant: string;
  claimedAt?: string /* ISO */;
  kind: ClaimKind;
  status: ClaimStatus;
  /** Exact sentence copied verbatim from the corpus file (curly quotes included). */
  sentence: string;
  evidence: SeedEvidence[];
};

/** An entry of the story's vocabulary of counted things (prisma/schema.prisma CountedThing). */
export type SeedClaimant = { name: string; type: "PERSON" | "ORGANISATION"; sameAs: string | null; aliases: string[] };
export type SeedCountedThing = { label: string; unit: string; cumulative: boolean; synonyms: string[] };

export type SeedStory = { slug: string; title: string; summary: string; startsOn: string /* YYYY-MM-DD */ };
export type SeedDocument = { title: string; outlet: string; url: string | null; publishedAt: string /* ISO */; corpusFile: string };
export type SeedUser = { email: string; name: string; role: Role; password: string };

/** Range assigned to vague quantity words, used for every figure below that stores words. */
export const DOZENS = { low: 24, high: 99 } as const;
export const HUNDREDS = { low: 200, high: 999 } as const;

const ILLUSTRATIVE = "Illustrative demo data: plausible, not checked against the real source.";

export const demoStory: SeedStory = {
  slug: "kazakhstan-unrest-january-2022",
  title: "Kazakhstan unrest, January 2022",
  summary:
    "Protests over a doubling of LPG fuel prices began in western Kazakhstan on 2 January 2022 and spread " +
    "nationwide. By 5 January demonstrators had stormed government buildings in Almaty, the cabinet had " +
    "resigned, a state of emergency and curfew were in force and the internet was cut. President Tokayev " +
    "called in the Russian-led CSTO, whose troops arrived on 6 January. Casualty counts from the police, " +
    "ministries and state TV conflict and cannot yet be verified independently.",
  startsOn: "2022-01-02",
};

// The corpus file does not name its publisher (it reads like a translated aggregation of wire and
// newspaper reporting), so the outlet is a placeholder and it has no URL: a made-up link would be published.
export const demoDocument: SeedDocument = {
  title: "Russian-led troops arrive in Kazakhstan as fuel protests turn deadly",
  outlet: "Demo news digest (publisher unidentified)",
  url: null,
  publishedAt: "2022-01-06T12:00:00.000Z",
  corpusFile: "2022-01-06-kazakhstan-csto.txt",
};

const REPORT = demoDocument.outlet;

// URLs use the real outlets' domains but the paths and ids are illustrative.
export const demoSources: SeedSource[] = [
  // --- Russian-language reports quoting the President's speeches word for word -------------------
  {
    key: "kloop-jan6-security-council",
    url: "https://kloop.kg/blog/2022/01/06/tokaev-zaprosil-pomoshh-u-gosudarstv-odkb-dlya-preodoleniya-terroristicheskoj-ugrozy/",
    outlet: "Kloop",
    type: "NEWS_OUTLET",
    language: "ru",
    title: "Токаев запросил помощь у государств ОДКБ для преодоления террористической угрозы",
    publishedAt: "2022-01-06T00:00:00.000Z",
    reliabilityNote: "Independent Kyrgyz outlet; quotes the speech as broadcast by the state channel Khabar 24.",
  },
  {
    key: "kloop-jan11-afghanistan",
    url: "https://kloop.kg/blog/2022/01/11/tokaev-v-terroristicheskoj-atake-na-kazahstan-uchastvovali-boeviki-iz-tsentralnoj-azii/",
    outlet: "Kloop",
    type: "NEWS_OUTLET",
    language: "ru",
    title: "Токаев: в террористической атаке на Казахстан участвовали боевики из Центральной Азии",
    publishedAt: "2022-01-11T00:00:00.000Z",
    reliabilityNote: "Quotes the speech of 10 January as published on the President's official site.",
  },
  // --- Officials ---------------------------------------------------------------------------------
  {
    key: "almaty-police",
    url: "https://www.gov.kz/memleket/entities/almaty-police/press/news/details/311540?lang=ru",
    outlet: "Almaty City Police Department",
    type: "OFFICIAL",
    language: "ru",
    title: "Statement on police and security personnel killed and injured in Almaty",
    publishedAt: "2022-01-06T04:30:00.000Z",
    reliabilityNote:
      "Party to the conflict. Counts of its own casualties were revised several times within hours and cannot be checked independently.",
  },
  {
    key: "interior-ministry",
    url: "https://www.gov.kz/memleket/entities/qriim/press/news/details/311402?lang=ru",
    outlet: "Ministry of Internal Affairs of Kazakhstan",
    type: "OFFICIAL",
    language: "ru",
    title: "Briefing on the situation in the regions, 5 January",
    publishedAt: "2022-01-05T15:00:00.000Z",
    reliabilityNote: "Party to the conflict; commands the police and national guard whose casualties it reports.",
  },
  {
    key: "health-ministry",
    url: "https://www.gov.kz/memleket/entities/dsm/press/news/details/311610?lang=ru",
    outlet: "Ministry of Healthcare of Kazakhstan",
    type: "OFFICIAL",
    language: "ru",
    title: "Briefing on people injured in the unrest",
    publishedAt: "2022-01-06T07:00:00.000Z",
    reliabilityNote: "Government ministry; hospital counts are closer to a primary record than police statements, but not audited.",
  },
  {
    key: "health-ministry-toll",
    url: "https://www.gov.kz/memleket/entities/dsm/press/news/details/312046?lang=ru",
    outlet: "Ministry of Healthcare of Kazakhstan",
    type: "OFFICIAL",
    language: "ru",
    title: "Briefing on people killed in the unrest, 9 January",
    publishedAt: "2022-01-09T09:00:00.000Z",
    reliabilityNote: "Government ministry; an early count from hospitals and morgues, given as a minimum.",
  },
  {
    key: "prosecutor-general",
    url: "https://www.gov.kz/memleket/entities/prokuror/press/news/details/313120?lang=ru",
    outlet: "Prosecutor General's Office of Kazakhstan",
    type: "OFFICIAL",
    language: "ru",
    title: "Briefing on the investigation of the January events, 15 January",
    publishedAt: "2022-01-15T08:00:00.000Z",
    reliabilityNote: "Leads the criminal investigation of the January events; party to the state's account of them.",
  },
  {
    key: "akorda-address",
    url: "https://akorda.kz/en/address-of-the-head-of-state-kassym-jomart-tokayev-to-the-people-of-kazakhstan-5-january-2022",
    outlet: "Akorda (Office of the President of Kazakhstan)",
    type: "OFFICIAL",
    language: "en",
    title: "Televised address of the Head of State Kassym-Jomart Tokayev, 5 January 2022",
    publishedAt: "2022-01-05T17:30:00.000Z",
    reliabilityNote:
      "Head of state and party to the conflict: a primary source for what Tokayev said, not for facts about who the protesters were.",
  },
  {
    key: "akorda-decrees",
    url: "https://akorda.kz/en/head-of-state-accepts-resignation-of-the-government-5-january-2022",
    outlet: "Akorda (Office of the President of Kazakhstan)",
    type: "OFFICIAL",
    language: "en",
    title: "Head of State accepts the Government's resignation and chairs the Security Council",
    publishedAt: "2022-01-05T04:00:00.000Z",
    reliabilityNote: "Official record of presidential decrees: authoritative for what was decreed and when.",
  },
  {
    key: "akorda-emergency",
    url: "https://akorda.kz/en/decree-on-the-introduction-of-a-state-of-emergency-5-january-2022",
    outlet: "Akorda (Office of the President of Kazakhstan)",
    type: "OFFICIAL",
    language: "en",
    title: "Decree on the introduction of a state of emergency",
    publishedAt: "2022-01-05T16:00:00.000Z",
    reliabilityNote: "Official record of presidential decrees: authoritative for what was decreed and when.",
  },
  {
    key: "csto-statement",
    url: "https://en.odkb-csto.org/news/news_odkb/statement-by-the-chairman-of-the-csto-collective-security-council-nikol-pashinyan/",
    outlet: "Collective Security Treaty Organization",
    type: "OFFICIAL",
    language: "en",
    title: "Statement by the Chairman of the CSTO Collective Security Council Nikol Pashinyan",
    publishedAt: "2022-01-05T21:40:00.000Z",
    reliabilityNote:
      "The alliance whose forces deployed: authoritative for its own decisions, not for the causes of the unrest.",
  },
  {
    key: "csto-deployment",
    url: "https://en.odkb-csto.org/news/news_odkb/csto-collective-peacekeeping-forces-arrive-in-kazakhstan/",
    outlet: "Collective Security Treaty Organization",
    type: "OFFICIAL",
    language: "en",
    title: "CSTO Collective Peacekeeping Forces arrive in the Republic of Kazakhstan",
    publishedAt: "2022-01-06T05:30:00.000Z",
    reliabilityNote: "The alliance whose forces deployed; gives no troop numbers.",
  },
  {
    key: "russian-mod",
    url: "https://eng.mil.ru/en/news_page/country/more.htm?id=12403160",
    outlet: "Russian Ministry of Defence",
    type: "OFFICIAL",
    language: "ru",
    title: "Russian contingent of the CSTO peacekeeping forces arrives in Kazakhstan",
    publishedAt: "2022-01-06T06:00:00.000Z",
    reliabilityNote: "Ministry of the state leading the deployment; photos are press-service handouts.",
  },
  // --- Wires -------------------------------------------------------------------------------------
  {
    key: "tass",
    url: "https://tass.com/world/1384015",
    outlet: "TASS",
    type: "WIRE",
    language: "en",
    title: "Almaty airport cleared of rioters, Russian officials say",
    publishedAt: "2022-01-06T09:15:00.000Z",
    reliabilityNote:
      "Russian state-owned agency; Russia leads the CSTO deployment, so treat its framing of the unrest with caution.",
  },
  {
    key: "interfax",
    url: "https://www.interfax.ru/world/813480",
    outlet: "Interfax",
    type: "WIRE",
    language: "ru",
    title: "Almaty airport back under the control of the authorities",
    publishedAt: "2022-01-06T08:50:00.000Z",
    reliabilityNote: "Russian agency working under Russian media restrictions; mostly relays officials here.",
  },
  {
    key: "ap",
    url: "https://apnews.com/article/kazakhstan-almaty-protests-fuel-prices-russia-troops-3f6c2a9d1e",
    outlet: "Associated Press",
    type: "WIRE",
    language: "en",
    title: "Russia-led alliance sends troops to Kazakhstan as unrest grows",
    publishedAt: "2022-01-06T10:00:00.000Z",
  },
  {
    key: "reuters",
    url: "https://www.reuters.com/world/asia-pacific/kazakhstan-unrest-casualties-2022-01-06/",
    outlet: "Reuters",
    type: "WIRE",
    language: "en",
    title: "Dozens killed in Kazakhstan unrest as Russia-led troops arrive",
    publishedAt: "2022-01-06T08:00:00.000Z",
  },
  // --- Newspapers and state TV ---------------------------------------------------------------------
  {
    key: "nyt",
    url: "https://www.nytimes.com/2022/01/05/world/asia/kazakhstan-protests.html",
    outlet: "The New York Times",
    type: "NEWS_OUTLET",
    language: "en",
    title: "Kazakhstan's government resigns as fuel protests turn violent",
    publishedAt: "2022-01-05T18:00:00.000Z",
  },
  {
    key: "nyt-jan6",
    url: "https://www.nytimes.com/2022/01/06/world/asia/kazakhstan-russia-troops-almaty.html",
    outlet: "The New York Times",
    type: "NEWS_OUTLET",
    language: "en",
    title: "Russian-led troops arrive in Kazakhstan as unrest continues",
    publishedAt: "2022-01-06T14:00:00.000Z",
  },
  {
    key: "guardian",
    url: "https://www.theguardian.com/world/2022/jan/06/kazakhstan-protests-russia-led-troops-arrive",
    outlet: "The Guardian",
    type: "NEWS_OUTLET",
    language: "en",
    title: "Russia-led troops arrive in Kazakhstan as protests turn deadly",
    publishedAt: "2022-01-06T11:00:00.000Z",
  },
  {
    key: "khabar-24",
    url: "https://24.kz/ru/news/incidents/item/520118-almaty-police-spokeswoman-interview",
    outlet: "Khabar-24",
    type: "NEWS_OUTLET",
    language: "ru",
    title: "Interview with Almaty police spokeswoman Saltanat Azirbek",
    publishedAt: "2022-01-06T04:00:00.000Z",
    reliabilityNote:
      "State-run TV channel of a party to the conflict; carried official statements without challenge during the emergency.",
  },
  // --- Monitors, eyewitnesses, social media ----------------------------------------------------------
  {
    key: "netblocks",
    url: "https://netblocks.org/reports/internet-disrupted-in-kazakhstan-amid-energy-price-protests-oy9abVy5",
    outlet: "NetBlocks",
    type: "NGO_MONITOR",
    language: "en",
    title: "Internet disrupted in Kazakhstan amid energy price protests",
    publishedAt: "2022-01-05T14:30:00.000Z",
    reliabilityNote: "Independent network-measurement monitor; strong on connectivity data, says nothing about who ordered a cut.",
  },
  {
    key: "hrw",
    url: "https://www.hrw.org/news/2022/01/26/kazakhstan-killings-excessive-use-force-almaty",
    outlet: "Human Rights Watch",
    type: "NGO_MONITOR",
    language: "en",
    title: "Kazakhstan: Killings, Excessive Use of Force in Almaty",
    publishedAt: "2022-01-26T06:00:00.000Z",
    reliabilityNote: "International rights group; relies on witness interviews and verified video, published weeks after the events.",
  },
  {
    key: "eyewitness-airport",
    url: "https://claimdesk.test/interviews/2022-01-06-almaty-airport-resident",
    outlet: "Claimdesk phone interview: Almaty resident near the airport",
    type: "EYEWITNESS",
    language: "ru",
    title: "Phone interview, 6 January 2022, 14:10 local time",
    publishedAt: "2022-01-06T08:10:00.000Z",
    reliabilityNote:
      "Illustrative demo source. Single eyewitness reached by phone; identity known to the desk, location not independently confirmed.",
  },
  {
    key: "social-statue-video",
    url: "https://t.me/s/demo_kz_protest_videos/1021",
    outlet: "Telegram (anonymous channel)",
    type: "SOCIAL",
    language: "kk",
    title: "Video: protesters pull down a Nazarbayev statue",
    publishedAt: "2022-01-05T11:20:00.000Z",
    reliabilityNote:
      "Illustrative demo source. Anonymous upload, original uploader unknown; desk geolocation to Taldykorgan is pending a second check.",
  },
  {
    key: "social-akimat-video",
    url: "https://twitter.com/demo_almaty_witness/status/1478730000000000001",
    outlet: "Twitter (individual account)",
    type: "SOCIAL",
    language: "ru",
    title: "Video: Almaty mayor's office on fire",
    publishedAt: "2022-01-05T12:40:00.000Z",
    reliabilityNote: "Illustrative demo source. Account created years before the events; the footage matches the building's facade.",
  },
];

/**
 * What the story's figures count. Synonyms are the desk's decision that two wordings count one
 * thing ("people killed" and "fatalities" are deaths), so their figures land in one series. The
 * LPG figures are not running totals: a price rise or a cap's length can go down without contradiction.
 */
export const demoVocabulary: SeedCountedThing[] = [
  { label: "deaths", unit: "people", cumulative: true, synonyms: ["people killed", "fatalities", "dead"] },
  { label: "people injured", unit: "people", cumulative: true, synonyms: ["injured", "wounded"] },
  { label: "attackers killed", unit: "people", cumulative: true, synonyms: ["attackers liquidated"] },
  { label: "police injured", unit: "people", cumulative: true, synonyms: ["law enforcement officers injured"] },
  { label: "police killed", unit: "people", cumulative: true, synonyms: ["law enforcement officers killed"] },
  { label: "lpg price increase", unit: "percent", cumulative: false, synonyms: [] },
  { label: "lpg price cap duration", unit: "days", cumulative: false, synonyms: [] },
];

export const demoClaims: SeedClaim[] = [
  // 1. The overall toll, as it evolved: "dozens" killed on 6 January, "at least 164" (health
  // ministry, 9 January), 225 (prosecutor-general, 15 January); "hundreds" injured, then "more
  // than 1,000". Rising running totals, not conflicts.
  {
    slug: "overall-toll-dozens-killed-hundreds-injured",
    text: "The protests in Kazakhstan left dozens of people dead and hundreds injured, according to the authorities.",
    claimant: "Kazakh authorities (as reported by " + REPORT + ")",
    claimedAt: "2022-01-06T08:00:00.000Z",
    kind: "NUMERIC",
    status: "RESEARCHING",
    sentence:
      "Russian-led coalition troops arrived in Kazakhstan on Thursday following increasingly chaotic and violent protests that rocked the country for days and resulted in dozens of people being killed and hundreds injured, according to authorities.",
    evidence: [
      {
        source: "ap",
        stance: "SUPPORTS",
        excerpt: "Dozens of people have been killed in the unrest, authorities said.",
        location: "para. 2",
        attribution: "Kazakh authorities (unnamed)",
        cites: "interior-ministry",
        figure: { ...DOZENS, words: "dozens", counted: "people killed", asOf: "2022-01-06T06:00:00.000Z" },
        note: ILLUSTRATIVE,
      },
      {
        source: "guardian",
        stance: "SUPPORTS",
        excerpt: "Hundreds of people have been injured in the clashes, according to officials.",
        location: "para. 4",
        attribution: "Kazakh officials (unnamed)",
        cites: "interior-ministry",
        figure: { ...HUNDREDS, words: "hundreds", counted: "people injured", asOf: "2022-01-06T06:00:00.000Z" },
        note: ILLUSTRATIVE,
      },
      {
        source: "reuters",
        stance: "MIXED",
        excerpt:
          "More than 1,000 people have been injured in the unrest, nearly 400 of them hospitalised and 62 in intensive care, the deputy health minister said.",
        location: "para. 6",
        attribution: "deputy health minister",
        cites: "health-ministry",
        figure: { bound: "MORE_THAN", low: 1000, high: null, words: "more than 1,000", counted: "people injured", asOf: "2022-01-06T07:00:00.000Z" },
        note:
          ILLUSTRATIVE +
          " A later, higher injured count than \"hundreds\": the toll rose within hours, so the claim understates it as of 6 January.",
      },
      {
        source: "health-ministry-toll",
        stance: "CONTEXT",
        excerpt: "At least 164 people have been killed in the unrest across the country, the health ministry said.",
        attribution: "Ministry of Healthcare",
        figure: { bound: "AT_LEAST", low: 164, high: null, words: "at least 164 people", counted: "deaths", asOf: "2022-01-09T09:00:00.000Z" },
        note: ILLUSTRATIVE + " The toll three days after the claim: higher than \"dozens\", and given as a minimum.",
      },
      {
        source: "prosecutor-general",
        stance: "CONTEXT",
        excerpt: "225 people were killed during the January events, including 19 law enforcement officers, the prosecutor-general's office said.",
        attribution: "Prosecutor General's Office",
        figure: { low: 225, high: 225, words: "225 people", counted: "people killed", asOf: "2022-01-15T08:00:00.000Z" },
        note: ILLUSTRATIVE + " A later, higher count than the health ministry's \"at least 164\": the toll evolved, the two do not contradict.",
      },
    ],
  },

  // 2. State TV: "dozens of attackers were liquidated". Conflict: a rights group disputes that those killed were attackers.
  {
    slug: "dozens-of-attackers-liquidated",
    text: "Dozens of attackers were killed (\"liquidated\") by police in clashes in Almaty.",
    claimant: "Saltanat Azirbek, Almaty police spokeswoman",
    claimedAt: "2022-01-06T04:00:00.000Z",
    kind: "NUMERIC",
    status: "RESEARCHING",
    sentence:
      "Police spokeswoman Saltanat Azirbek said “dozens of attackers were liquidated” in clashes with police during an interview on the state-run Khabar-24 news channel.",
    evidence: [
      {
        source: "khabar-24",
        stance: "SUPPORTS",
        excerpt: "“dozens of attackers were liquidated”",
        location: "live interview, 6 January morning",
        attribution: "police spokeswoman Saltanat Azirbek",
        figure: { ...DOZENS, words: "dozens", counted: "attackers killed", asOf: "2022-01-06T04:00:00.000Z" },
      },
      {
        source: "reuters",
        stance: "CONTEXT",
        excerpt: "Police spokeswoman Saltanat Azirbek told state TV channel Khabar-24 that dozens of attackers had been \"liquidated\".",
        location: "para. 3",
        attribution: "police spokeswoman Saltanat Azirbek",
        cites: "khabar-24",
        figure: { ...DOZENS, words: "dozens", counted: "attackers killed", asOf: "2022-01-06T04:00:00.000Z" },
        note: ILLUSTRATIVE + " Relays Khabar-24: the same origin, not independent confirmation.",
      },
      {
        source: "hrw",
        stance: "CONTRADICTS",
        excerpt:
          "Human Rights Watch could not confirm that any of those killed in the incidents it examined were armed attackers; witnesses and verified videos show security forces firing on people who posed no apparent threat.",
        location: "summary",
        attribution: "Human Rights Watch researchers",
        note: ILLUSTRATIVE + " Paraphrase, not a verbatim quote; published 26 January, weeks after the claim.",
      },
    ],
  },

  // 3. Almaty police: 353 injured. Not a conflict: the interior ministry's 317 is an earlier count (5 January), and the toll rose.
  {
    slug: "almaty-police-353-security-personnel-injured",
    text: "353 police and security personnel were injured in the clashes in Almaty.",
    claimant: "Almaty police",
    claimedAt: "2022-01-06T04:30:00.000Z",
    kind: "NUMERIC",
    status: "RESEARCHING",
    sentence: "Almaty police said 353 police and security personnel were injured in the clashes and 12 were killed.",
    evidence: [
      {
        source: "almaty-police",
        stance: "SUPPORTS",
        excerpt: "353 police and security personnel were injured in the clashes",
        location: "statement, para. 1",
        attribution: "Almaty city police department",
        figure: { low: 353, high: 353, counted: "police injured", asOf: "2022-01-06T04:30:00.000Z" },
      },
      {
        source: "nyt-jan6",
        stance: "SUPPORTS",
        excerpt: "The Almaty police said 353 officers and security personnel had been injured.",
        location: "para. 9",
        attribution: "Almaty police",
        cites: "almaty-police",
        figure: { low: 353, high: 353, counted: "police injured", asOf: "2022-01-06T04:30:00.000Z" },
        note: ILLUSTRATIVE + " Cites the police: same origin as the police statement.",
      },
      {
        source: "guardian",
        stance: "SUPPORTS",
        excerpt: "Police in Almaty said 353 of their officers and security personnel had been injured.",
        location: "para. 7",
        attribution: "Almaty police",
        cites: "almaty-police",
        figure: { low: 353, high: 353, counted: "police injured", asOf: "2022-01-06T04:30:00.000Z" },
        note: ILLUSTRATIVE + " Cites the police: same origin as the police statement.",
      },
      {
        source: "ap",
        stance: "SUPPORTS",
        excerpt: "Police in Almaty said 353 officers and security personnel were injured.",
        location: "para. 5",
        attribution: "Almaty police",
        cites: "almaty-police",
        figure: { low: 353, high: 353, counted: "police injured", asOf: "2022-01-06T04:30:00.000Z" },
        note: ILLUSTRATIVE + " Cites the police: same origin as the police statement.",
      },
      {
        source: "reuters",
        stance: "MIXED",
        excerpt: "The interior ministry said 317 police and national guard members had been injured.",
        location: "para. 8",
        attribution: "interior ministry",
        cites: "interior-ministry",
        figure: { low: 317, high: 317, counted: "police injured", asOf: "2022-01-05T15:00:00.000Z" },
        note: ILLUSTRATIVE + " Earlier, nationwide ministry count; the scope and time differ from the Almaty figure.",
      },
    ],
  },

  // 4. Almaty police: 12 killed. Conflict by stance (the interior ministry briefing contradicts it); its count of 8 is earlier (5 January), so the figures alone show a rising toll.
  {
    slug: "almaty-police-12-security-personnel-killed",
    text: "12 police and security personnel were killed in the clashes in Almaty.",
    claimant: "Almaty police",
    claimedAt: "2022-01-06T04:30:00.000Z",
    kind: "NUMERIC",
    status: "RESEARCHING",
    sentence: "Almaty police said 353 police and security personnel were injured in the clashes and 12 were killed.",
    evidence: [
      {
        source: "almaty-police",
        stance: "SUPPORTS",
        excerpt: "12 were killed",
        location: "statement, para. 1",
        attribution: "Almaty city police department",
        figure: { low: 12, high: 12, counted: "police killed", asOf: "2022-01-06T04:30:00.000Z" },
      },
      {
        source: "nyt-jan6",
        stance: "SUPPORTS",
        excerpt: "Twelve members of the security forces were killed, the Almaty police said.",
        location: "para. 9",
        attribution: "Almaty police",
        cites: "almaty-police",
        figure: { low: 12, high: 12, counted: "police killed", asOf: "2022-01-06T04:30:00.000Z" },
        note: ILLUSTRATIVE + " Cites the police: same origin as the police statement.",
      },
      {
        source: "ap",
        stance: "SUPPORTS",
        excerpt: "Police in Almaty said 12 officers and security personnel were killed.",
        location: "para. 5",
        attribution: "Almaty police",
        cites: "almaty-police",
        figure: { low: 12, high: 12, counted: "police killed", asOf: "2022-01-06T04:30:00.000Z" },
        note: ILLUSTRATIVE + " Cites the police: same origin as the police statement.",
      },
      {
        source: "guardian",
        stance: "SUPPORTS",
        excerpt: "Police in Almaty said 12 of their officers and security personnel had been killed.",
        location: "para. 7",
        attribution: "Almaty police",
        cites: "almaty-police",
        figure: { low: 12, high: 12, counted: "police killed", asOf: "2022-01-06T04:30:00.000Z" },
        note: ILLUSTRATIVE + " Cites the police: same origin as the police statement.",
      },
      {
        source: "reuters",
        stance: "CONTRADICTS",
        excerpt: "Eight police and national guard members have been killed, the interior ministry said.",
        location: "para. 8",
        attribution: "interior ministry",
        cites: "interior-ministry",
        figure: { low: 8, high: 8, counted: "police killed", asOf: "2022-01-05T15:00:00.000Z" },
        note: ILLUSTRATIVE + " Earlier, nationwide ministry count; does not overlap the Almaty police figure.",
      },
    ],
  },

  // 5. Tokayev: "a gang of international terrorists". Conflict: activists and protesters describe a domestic revolt.
  {
    slug: "tokayev-protesters-international-terrorists",
    text: "The protesters are \"a gang of international terrorists\".",
    claimant: "President Kassym-Jomart Tokayev",
    claimedAt: "2022-01-05T17:30:00.000Z",
    kind: "FRAMING",
    status: "RESEARCHING",
    sentence:
      "Kazakhstan’s President Kassym-Yomart Tokayev sought the help of the CSTO late Wednesday evening, describing the protesters as “a gang of international terrorists”.",
    evidence: [
      {
        source: "akorda-address",
        stance: "SUPPORTS",
        excerpt: "“a gang of international terrorists”",
        location: "televised address, 5 January late evening",
        attribution: "President Kassym-Jomart Tokayev",
        note: "The claimant's own statement: establishes that he said it, offers no evidence of foreign involvement.",
      },
      {
        source: "kloop-jan6-security-council",
        stance: "SUPPORTS",
        excerpt:
          "Учитывая, что данные террористические банды являются, по сути дела, международными, они прошли серьезную подготовку за рубежом и их нападение можно и нужно рассматривать как акт агрессии",
        translation:
          "Given that these terrorist gangs are, in essence, international, that they were seriously trained abroad, and that their attack can and must be regarded as an act of aggression",
        location: "Security Council speech, 5 January, as broadcast by Khabar 24",
        attribution: "President Kassym-Jomart Tokayev",
        note: "The same framing in the President's own Russian words; the English is the desk's translation. No evidence of foreign training is offered.",
      },
      {
        source: "kloop-jan11-afghanistan",
        stance: "SUPPORTS",
        excerpt:
          "Хорошо организованный и подготовленный акт агрессии против Казахстана с участием иностранных боевиков преимущественно из центральноазиатских стран, включая Афганистан.",
        translation:
          "A well-organised and prepared act of aggression against Kazakhstan involving foreign fighters, mainly from Central Asian countries, including Afghanistan.",
        location: "speech of 10 January, published on the President's site",
        attribution: "President Kassym-Jomart Tokayev",
        note: "Repeats the claim five days later, now naming regions; still an assertion by the claimant, not independent evidence. The English is the desk's translation.",
      },
      {
        source: "csto-statement",
        stance: "SUPPORTS",
        excerpt: "“as a result of foreign interference.”",
        location: "statement",
        attribution: "Nikol Pashinyan, Chairman of the CSTO Collective Security Council",
        cites: "akorda-address",
        note: "Echoes Tokayev's framing rather than offering independent evidence: one origin with the Akorda address.",
      },
      {
        source: "nyt-jan6",
        stance: "CONTRADICTS",
        excerpt: "the government “has removed all legal ways to participate in politics”",
        location: "para. 14",
        attribution: "Mukhtar Umbetov, rights activist",
        note: "Describes domestic grievances as the cause; the quote is from the report, the paragraph number is illustrative.",
      },
      {
        source: "guardian",
        stance: "CONTRADICTS",
        excerpt:
          "“Nazarbayev and his family have monopolized all sectors, from banks to roads to gas. These protests are about corruption,”",
        location: "para. 12",
        attribution: "Zauresh Shekenova, 55-year-old protester in southeastern Kazakhstan",
      },
    ],
  },

  // 6. Pashinyan: "foreign interference".
  {
    slug: "pashinyan-foreign-interference",
    text: "The protests in Kazakhstan are a result of foreign interference.",
    claimant: "Nikol Pashinyan, Prime Minister of Armenia and Chairman of the CSTO Collective Security Council",
    claimedAt: "2022-01-05T21:40:00.000Z",
    kind: "FRAMING",
    status: "RESEARCHING",
    sentence: "Pashinyan echoed Tokayev’s rhetoric that characterized the protests “as a result of foreign interference.”",
    evidence: [
      {
        source: "csto-statement",
        stance: "CONTEXT",
        excerpt: "“as a result of foreign interference.”",
        location: "statement",
        attribution: "Nikol Pashinyan",
        note: "Establishes the wording; gives no evidence of who interfered.",
      },
      {
        source: "guardian",
        stance: "MIXED",
        excerpt: "Neither Tokayev nor the CSTO has offered evidence of foreign involvement in the protests.",
        location: "para. 5",
        note: ILLUSTRATIVE,
      },
    ],
  },

  // 7. The airport: taken, then "cleared". Conflict: an eyewitness reports fighting still going on.
  {
    slug: "almaty-airport-seized-then-cleared",
    text: "Demonstrators briefly took control of Almaty airport, which has since been cleared.",
    claimant: "Russian officials and news agencies",
    claimedAt: "2022-01-06T09:00:00.000Z",
    kind: "EVENT",
    status: "RESEARCHING",
    sentence:
      "Demonstrators took control of the airport for a short time in Almaty, though Russian officials and news agencies have said it has since been cleared.",
    evidence: [
      {
        source: "tass",
        stance: "SUPPORTS",
        excerpt: "Almaty airport has been cleared of rioters and is under the control of law enforcement, Russian officials said.",
        location: "para. 1",
        attribution: "Russian officials (unnamed)",
        note: ILLUSTRATIVE,
      },
      {
        source: "interfax",
        stance: "SUPPORTS",
        excerpt: "The airport in Almaty has been returned to the control of the authorities, a source told Interfax.",
        location: "para. 1",
        attribution: "unnamed source",
        note: ILLUSTRATIVE + " Anonymous sourcing; may share its origin with TASS.",
      },
      {
        source: "nyt-jan6",
        stance: "MIXED",
        excerpt:
          "Protesters seized the airport on Wednesday; on Thursday gunfire was still heard in the city and flights remained suspended.",
        location: "para. 6",
        note: ILLUSTRATIVE + " Confirms the seizure; does not confirm that the area was cleared.",
      },
      {
        source: "eyewitness-airport",
        stance: "CONTRADICTS",
        excerpt: "Shooting went on near the airport road until about noon; armoured vehicles were still moving towards the terminal.",
        location: "phone interview notes, 14:10 local time",
        attribution: "Almaty resident living near the airport (name withheld)",
        note: ILLUSTRATIVE,
      },
    ],
  },

  // 8. Internet shutdown.
  {
    slug: "nationwide-internet-shutdown-netblocks",
    text: "Internet access was cut nationwide in Kazakhstan late on 5 January.",
    claimant: "NetBlocks (as reported by " + REPORT + ")",
    claimedAt: "2022-01-05T14:30:00.000Z",
    kind: "EVENT",
    status: "VERDICT_DRAFTED",
    sentence: "The Internet was then closes nationwide, according to Netblocks, a watchdog that monitors Internet freedom.",
    evidence: [
      {
        source: "netblocks",
        stance: "SUPPORTS",
        excerpt:
          "Kazakhstan is now in the midst of a nation-scale internet blackout after a day of mobile internet disruptions and partial restrictions.",
        location: "report, metrics chart",
        attribution: "NetBlocks",
        note: ILLUSTRATIVE + " Network measurements: independent of the government.",
      },
      {
        source: "ap",
        stance: "SUPPORTS",
        excerpt: "Internet access was cut across the country, according to the monitoring group NetBlocks.",
        location: "para. 11",
        cites: "netblocks",
        note: ILLUSTRATIVE + " Relays NetBlocks: same origin.",
      },
      {
        source: "nyt",
        stance: "CONTEXT",
        excerpt: "Mobile internet service was disrupted across the country on Wednesday afternoon, hours before the curfew.",
        location: "para. 10",
        note: ILLUSTRATIVE + " The report's \"then\" ordering may be off: mobile disruption began before the state of emergency.",
      },
    ],
  },

  // 9. LPG prices doubled.
  {
    slug: "lpg-prices-doubled",
    text: "LPG prices doubled immediately after the government lifted the price limit.",
    claimant: REPORT,
    claimedAt: "2022-01-06T12:00:00.000Z",
    kind: "NUMERIC",
    status: "VERDICT_DRAFTED",
    sentence:
      "The ongoing protests began in West Kazakhstan on Sunday after the government lifted the liquefied petroleum gas (LPG) price limit of the main fuel used for vehicles in the country, causing prices to double immediately.",
    evidence: [
      {
        source: "reuters",
        stance: "SUPPORTS",
        excerpt: "The price of LPG roughly doubled to 120 tenge a litre from 60 tenge at the start of the year.",
        location: "para. 10",
        figure: { low: 100, high: 100, words: "doubled", counted: "lpg price increase", asOf: "2022-01-02T00:00:00.000Z" },
        note: ILLUSTRATIVE,
      },
      {
        source: "guardian",
        stance: "CONTEXT",
        excerpt: "The government ended price controls on LPG on 1 January as part of a move to market pricing.",
        location: "para. 9",
        note: ILLUSTRATIVE + " The rise was steepest in Mangystau, where most cars run on LPG.",
      },
    ],
  },

  // 10. The 180-day price cap.
  {
    slug: "lpg-price-cap-180-days",
    text: "Tokayev announced a new LPG price cap for 180 days, bringing prices back to 2021 levels.",
    claimant: "President Kassym-Jomart Tokayev",
    claimedAt: "2022-01-05T04:00:00.000Z",
    kind: "NUMERIC",
    status: "VERDICT_DRAFTED",
    sentence:
      "On Tuesday, Tokayev announced that the government would set a new price cap for 180 days, bringing LPG prices back to 2021 levels, but by then protests had spread across the country.",
    evidence: [
      {
        source: "akorda-decrees",
        stance: "SUPPORTS",
        excerpt: "The Government is instructed to introduce state regulation of prices for liquefied gas for a period of 180 days.",
        location: "decree, item 2",
        attribution: "President Kassym-Jomart Tokayev",
        figure: { low: 180, high: 180, counted: "lpg price cap duration", asOf: "2022-01-05T04:00:00.000Z" },
        note: ILLUSTRATIVE,
      },
      {
        source: "guardian",
        stance: "MIXED",
        excerpt: "The authorities cut the LPG price in Mangystau to 50 tenge a litre, below the 60 tenge it cost in 2021.",
        location: "para. 9",
        note:
          ILLUSTRATIVE +
          " Day conflict inside the report itself: this sentence says Tuesday, a later one says early Wednesday.",
      },
    ],
  },

  // 11. State of emergency until 19 January with curfew.
  {
    slug: "state-of-emergency-until-january-19",
    text: "The government declared a state of emergency until 19 January, with an overnight curfew.",
    claimant: "Government of Kazakhstan",
    claimedAt: "2022-01-05T16:00:00.000Z",
    kind: "EVENT",
    status: "VERDICT_DRAFTED",
    sentence:
      "However, by late Wednesday, with the escalation of the protests, the government declared a state of emergency until January 19, with an overnight curfew.",
    evidence: [
      {
        source: "akorda-emergency",
        stance: "SUPPORTS",
        excerpt:
          "A state of emergency is introduced on the entire territory of the Republic of Kazakhstan until 00:00 on 19 January 2022; a curfew from 23:00 to 07:00.",
        location: "decree, items 1-3",
        attribution: "President Kassym-Jomart Tokayev",
        note: ILLUSTRATIVE,
      },
      {
        source: "ap",
        stance: "SUPPORTS",
        excerpt: "The state of emergency, first declared for Almaty and Mangystau, was extended to the whole country until Jan. 19.",
        location: "para. 7",
        cites: "akorda-emergency",
        note: ILLUSTRATIVE + " Adds that the emergency began regionally before it went nationwide.",
      },
    ],
  },

  // 12. CSTO troop numbers not disclosed. NEW, no evidence yet.
  {
    slug: "csto-troop-numbers-not-disclosed",
    text: "The CSTO has not said how many troops are or will be deployed in Kazakhstan.",
    claimant: REPORT,
    claimedAt: "2022-01-06T12:00:00.000Z",
    kind: "EVENT",
    status: "NEW",
    sentence: "The CSTO has not said how many troops are or will be in Kazakhstan.",
    evidence: [],
  },

  // 13. CSTO forces to intervene "for a limited period of time".
  {
    slug: "csto-intervention-limited-period",
    text: "The CSTO accepted Tokayev's request and its forces would intervene \"for a limited period of time\".",
    claimant: "Nikol Pashinyan, Chairman of the CSTO Collective Security Council",
    claimedAt: "2022-01-05T21:40:00.000Z",
    kind: "QUOTE",
    status: "VERDICT_DRAFTED",
    sentence:
      "Nikol Pashinyan, Prime Minister of Armenia and Chairman of the Security Council of the CSTO, announced later that evening that the organization had accepted Tokayev’s request and that the forces would intervene “for a limited period of time”.",
    evidence: [
      {
        source: "csto-statement",
        stance: "SUPPORTS",
        excerpt: "“for a limited period of time”",
        location: "statement",
        attribution: "Nikol Pashinyan",
      },
      {
        source: "tass",
        stance: "SUPPORTS",
        excerpt: "CSTO peacekeeping forces will be sent to Kazakhstan for a limited period of time, Pashinyan said.",
        location: "para. 1",
        attribution: "Nikol Pashinyan",
        cites: "csto-statement",
        note: ILLUSTRATIVE + " Relays the CSTO statement: same origin.",
      },
    ],
  },

  // 14. CSTO units arrived early Thursday.
  {
    slug: "csto-units-arrived-thursday",
    text: "The CSTO announced early on Thursday 6 January that its units had arrived in Kazakhstan.",
    claimant: "Collective Security Treaty Organization",
    claimedAt: "2022-01-06T05:30:00.000Z",
    kind: "EVENT",
    status: "VERDICT_DRAFTED",
    sentence:
      "CSTO, consisting of Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan, announced early Thursday that the units had arrived and would conduct operations to “stabilize” the country and protect “important state and military facilities.”",
    evidence: [
      {
        source: "csto-deployment",
        stance: "SUPPORTS",
        excerpt: "to “stabilize” the country and protect “important state and military facilities.”",
        location: "announcement",
        attribution: "CSTO secretariat",
      },
      {
        source: "russian-mod",
        stance: "SUPPORTS",
        excerpt: "Units of the Russian contingent of the CSTO collective peacekeeping forces have arrived in Kazakhstan by military transport aircraft.",
        location: "press release and handout photos",
        attribution: "Russian Ministry of Defence press service",
        note: ILLUSTRATIVE + " The report's photo credit (Press Service of the Russian Ministry of Defense / AP) comes from this release.",
      },
    ],
  },

  // 15. PM Askar Mamin's cabinet resigned.
  {
    slug: "mamin-cabinet-resigned",
    text: "Tokayev announced the resignation of Prime Minister Askar Mamin and his cabinet on 5 January.",
    claimant: "President Kassym-Jomart Tokayev",
    claimedAt: "2022-01-05T04:00:00.000Z",
    kind: "EVENT",
    status: "VERDICT_DRAFTED",
    sentence:
      "Tokayev initially appeared to make conciliatory gestures to protesters early Wednesday, setting the LPG price cap, announcing the resignation of Prime Minister Askar Mamin and his cabinet, and removing former President Nursultan Nazarbayev, who ruled Kazakhstan for 30 years from country security council.",
    evidence: [
      {
        source: "akorda-decrees",
        stance: "SUPPORTS",
        excerpt: "The Head of State accepted the resignation of the Government of the Republic of Kazakhstan.",
        location: "decree, item 1",
        attribution: "President Kassym-Jomart Tokayev",
        note: ILLUSTRATIVE,
      },
      {
        source: "reuters",
        stance: "SUPPORTS",
        excerpt: "Tokayev accepted the government's resignation; Alikhan Smailov was named acting prime minister.",
        location: "para. 12",
        cites: "akorda-decrees",
        note: ILLUSTRATIVE,
      },
    ],
  },

  // 16. Nazarbayev removed from the Security Council.
  {
    slug: "nazarbayev-removed-from-security-council",
    text: "Tokayev removed former President Nursultan Nazarbayev, who ruled for 30 years, as head of the Security Council.",
    claimant: "President Kassym-Jomart Tokayev",
    claimedAt: "2022-01-05T10:00:00.000Z",
    kind: "EVENT",
    status: "RESEARCHING",
    sentence:
      "Tokayev initially appeared to make conciliatory gestures to protesters early Wednesday, setting the LPG price cap, announcing the resignation of Prime Minister Askar Mamin and his cabinet, and removing former President Nursultan Nazarbayev, who ruled Kazakhstan for 30 years from country security council.",
    evidence: [
      {
        source: "akorda-address",
        stance: "SUPPORTS",
        excerpt: "From today I am taking over as Chairman of the Security Council.",
        location: "televised address",
        attribution: "President Kassym-Jomart Tokayev",
        note: ILLUSTRATIVE,
      },
      {
        source: "guardian",
        stance: "CONTEXT",
        excerpt: "Nazarbayev, who ruled from 1990 until 2019, had kept the Security Council chair for life.",
        location: "para. 11",
        note: ILLUSTRATIVE + " \"30 years\" counts from 1989, when he became Communist Party leader; president 1990-2019.",
      },
    ],
  },

  // 17. Government buildings stormed, prosecutor's and mayor's offices set on fire.
  {
    slug: "almaty-government-buildings-set-on-fire",
    text: "Demonstrators tried to occupy government and police buildings in Almaty and set fire to the prosecutor's and mayor's offices.",
    claimant: "The New York Times (as reported by " + REPORT + ")",
    claimedAt: "2022-01-05T18:00:00.000Z",
    kind: "EVENT",
    status: "VERDICT_DRAFTED",
    sentence:
      "On Wednesday, demonstrators attempted to occupy government buildings, police headquarters and county police offices in Almaty and set fire to the prosecutor and mayor’s offices there.",
    evidence: [
      {
        source: "nyt",
        stance: "SUPPORTS",
        excerpt: "Protesters stormed the mayor's office in Almaty and set it on fire, and the prosecutor's office was also ablaze.",
        location: "para. 3",
        note: ILLUSTRATIVE,
      },
      {
        source: "social-akimat-video",
        stance: "SUPPORTS",
        excerpt: "Video shows flames and smoke coming from the upper floors of the Almaty akimat (mayor's office) building.",
        location: "video, 0:00-0:42",
        note: ILLUSTRATIVE + " Geolocated by the desk to Republic Square.",
      },
      {
        source: "ap",
        stance: "SUPPORTS",
        excerpt: "Demonstrators stormed the mayor's office in Almaty and set it on fire.",
        location: "para. 4",
        note: ILLUSTRATIVE + " Own reporting from Almaty, not citing the NYT.",
      },
    ],
  },

  // 18. Protests began in West Kazakhstan on Sunday (2 January).
  {
    slug: "protests-began-west-kazakhstan-sunday",
    text: "The protests began in western Kazakhstan on Sunday 2 January after the LPG price limit was lifted.",
    claimant: REPORT,
    claimedAt: "2022-01-06T12:00:00.000Z",
    kind: "EVENT",
    status: "VERDICT_DRAFTED",
    sentence:
      "The ongoing protests began in West Kazakhstan on Sunday after the government lifted the liquefied petroleum gas (LPG) price limit of the main fuel used for vehicles in the country, causing prices to double immediately.",
    evidence: [
      {
        source: "reuters",
        stance: "SUPPORTS",
        excerpt: "Protests erupted on Jan. 2 in the oil town of Zhanaozen in the Mangystau region.",
        location: "para. 10",
        note: ILLUSTRATIVE + " Zhanaozen is in Mangystau region, not the region officially named West Kazakhstan.",
      },
      {
        source: "guardian",
        stance: "MIXED",
        excerpt: "The unrest started in Zhanaozen, in the west of the country, on Sunday.",
        location: "para. 8",
        note: ILLUSTRATIVE + " \"West Kazakhstan\" is also the name of a different region: the report's wording is ambiguous.",
      },
    ],
  },

  // 19. Statue of Nazarbayev knocked down.
  {
    slug: "nazarbayev-statue-knocked-down",
    text: "Social-media videos showed protesters knocking down a statue of Nazarbayev.",
    claimant: "Videos posted on social media (as reported by " + REPORT + ")",
    claimedAt: "2022-01-05T11:20:00.000Z",
    kind: "EVENT",
    status: "NEW",
    sentence:
      "Videos posted on social media depicted the protesters knocking down a statue of Nazarbayev as he shouted “Elder, get away!”",
    evidence: [
      {
        source: "social-statue-video",
        stance: "SUPPORTS",
        excerpt: "Crowd pulls a bronze statue of Nazarbayev off its plinth; people chant “Shal, ket!” (“Old man, go!”).",
        location: "video, 0:12-0:55",
        note:
          ILLUSTRATIVE +
          " The report's \"as he shouted\" is a translation slip: the crowd chants the slogan, not Nazarbayev.",
      },
    ],
  },

  // 20. Umbetov quote. NEW, no evidence yet.
  {
    slug: "umbetov-no-legal-ways-to-participate",
    text: "The government \"has removed all legal ways to participate in politics\" and people lack representation.",
    claimant: "Mukhtar Umbetov, rights activist",
    claimedAt: "2022-01-06T14:00:00.000Z",
    kind: "QUOTE",
    status: "NEW",
    sentence:
      "Mukhtar Umbetov, a rights activist, told Times that the government “has removed all legal ways to participate in politics” and that people lack representation to solve problems.",
    evidence: [],
  },

  // 21. Tokayev: "Almaty was attacked, destroyed, vandalized".
  {
    slug: "tokayev-almaty-attacked-by-terrorists-bandits",
    text: "Almaty was attacked, destroyed and vandalised, and its people became victims of attacks by terrorists and bandits.",
    claimant: "President Kassym-Jomart Tokayev",
    claimedAt: "2022-01-05T17:30:00.000Z",
    kind: "QUOTE",
    status: "NEW",
    sentence:
      "“Almaty was attacked, destroyed, vandalized, the people of Almaty became victims of attacks by terrorists, bandits.",
    evidence: [
      {
        source: "akorda-address",
        stance: "SUPPORTS",
        excerpt: "“Almaty was attacked, destroyed, vandalized, the people of Almaty became victims of attacks by terrorists, bandits.”",
        location: "televised address, 5 January late evening",
        attribution: "President Kassym-Jomart Tokayev",
        note: "Confirms the wording only; the characterisation is checked under tokayev-protesters-international-terrorists.",
      },
    ],
  },
];

export const demoUsers: SeedUser[] = [
  { email: "checker@claimdesk.test", name: "Farida Checker", role: "FACT_CHECKER", password: "checker-demo-pass" },
  { email: "checker2@claimdesk.test", name: "Daniyar Checker", role: "FACT_CHECKER", password: "checker2-demo-pass" },
  { email: "editor@claimdesk.test", name: "Aigerim Editor", role: "EDITOR", password: "editor-demo-pass" },
  { email: "editor2@claimdesk.test", name: "Marat Editor", role: "EDITOR", password: "editor2-demo-pass" },
  { email: "admin@claimdesk.test", name: "Ada Admin", role: "ADMIN", password: "admin-demo-pass" },
];

/**
 * The demo's main claimants as records: names exactly as the claims above spell them, so each
 * claim links to its record. sameAs is left empty: set one only for a page you have checked is
 * this claimant. The rest (reported attributions) are created untyped and listed as needing review.
 */
export const demoClaimants: SeedClaimant[] = [
  { name: "President Kassym-Jomart Tokayev", type: "PERSON", sameAs: null, aliases: ["Kassym-Jomart Tokayev", "Tokayev", "Tokaev", "Токаев", "Тоқаев"] },
  { name: "Almaty police", type: "ORGANISATION", sameAs: null, aliases: ["Almaty city police"] },
  { name: "Saltanat Azirbek, Almaty police spokeswoman", type: "PERSON", sameAs: null, aliases: ["Saltanat Azirbek"] },
  { name: "Collective Security Treaty Organization", type: "ORGANISATION", sameAs: null, aliases: ["CSTO", "ОДКБ"] },
  { name: "Government of Kazakhstan", type: "ORGANISATION", sameAs: null, aliases: ["Kazakh government"] },
  { name: "Nikol Pashinyan, Prime Minister of Armenia and Chairman of the CSTO Collective Security Council", type: "PERSON", sameAs: null, aliases: ["Nikol Pashinyan, Chairman of the CSTO Collective Security Council", "Nikol Pashinyan", "Pashinyan", "Пашинян"] },
  { name: "Mukhtar Umbetov, rights activist", type: "PERSON", sameAs: null, aliases: ["Mukhtar Umbetov"] },
];
