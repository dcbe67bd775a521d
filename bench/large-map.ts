import { EVIDENCE_SOURCES, type JourneyMap, type LaneType, SEVERITIES } from "../src/domain/journey-map.js";
import {
  addCard,
  addEmotionSeries,
  addLane,
  addMetricRow,
  addStage,
  type CardDraft,
  setEmotionPoint,
  setMetricValue,
  setTargetConversion,
} from "../src/domain/map-operations.js";

export const LARGE_MAP_SIZE = { stages: 30, lanes: 12, cardsPerCell: 5 } as const;

/** 12 lanes: ten card lanes (two types twice, as real maps repeat them per actor) plus the emotion curve and metrics. */
const LANES: { type: LaneType; title: string }[] = [
  { type: "actions", title: "Customer actions" },
  { type: "thoughts", title: "Thoughts and questions" },
  { type: "touchpoints", title: "Touchpoints" },
  { type: "emotion", title: "Emotion curve" },
  { type: "tech_barriers", title: "Technical barriers" },
  { type: "emotional_barriers", title: "Emotional barriers" },
  { type: "backstage", title: "Backstage processes" },
  { type: "actions", title: "Partner actions" },
  { type: "text", title: "Notes" },
  { type: "thoughts", title: "Support questions" },
  { type: "opportunities", title: "Opportunities" },
  { type: "metrics", title: "Metrics and conversion" },
];

const STAGE_NAMES = [
  "Notices a need",
  "Sees an ad",
  "Asks friends",
  "Searches online",
  "Reads reviews",
  "Visits the site",
  "Compares plans",
  "Reads the FAQ",
  "Chats with support",
  "Starts a trial",
  "Onboarding call",
  "First use",
  "Invites the team",
  "Hits a limit",
  "Sees the pricing",
  "Asks finance",
  "Signs the contract",
  "Pays the first bill",
  "Sets up billing",
  "Daily use",
  "Monthly report",
  "Files a ticket",
  "Gets an answer",
  "Feature request",
  "Renewal reminder",
  "Price change",
  "Renews",
  "Recommends",
  "Writes a review",
  "Joins the community",
];

/** Two halves per lane type, combined at random: about 60–110 characters, like real workshop cards. */
const PHRASES: Record<string, [string[], string[]]> = {
  actions: [
    [
      "Opens the page on the phone",
      "Scrolls to the price block",
      "Forwards the link to a colleague",
      "Saves the offer",
    ],
    [
      "and looks for a clear next step",
      "while commuting to work",
      "to decide later this week",
      "after a reminder email",
    ],
  ],
  thoughts: [
    [
      "Is this really worth the money",
      "Will my data be safe here",
      "How long does the setup take",
      "Can I cancel at any time",
    ],
    [
      "if I only need it twice a month?",
      "compared with what we use now?",
      "before the quarter closes?",
      "without calling anyone?",
    ],
  ],
  touchpoints: [
    [
      "Pricing page with the plan table",
      "Welcome email from the founder",
      "Support chat on the site",
      "Push reminder in the app",
    ],
    [
      "shown after the second visit",
      "sent one day after sign-up",
      "answered within five minutes",
      "linked from the dashboard",
    ],
  ],
  tech_barriers: [
    [
      "The form loses entered data",
      "The payment page times out",
      "The mobile layout hides the button",
      "The import fails on large files",
    ],
    [
      "when the user switches tabs",
      "on slow connections",
      "on small Android screens",
      "without a clear error message",
    ],
  ],
  emotional_barriers: [
    [
      "Feels unsure about the commitment",
      "Worries about looking foolish",
      "Does not trust the reviews",
      "Feels pressured by the timer",
    ],
    [
      "because the terms are long",
      "in front of the team",
      "since they all look alike",
      "and leaves to think it over",
    ],
  ],
  backstage: [
    [
      "Sales updates the lead in the CRM",
      "Billing runs the nightly sync",
      "Support tags the ticket",
      "Marketing exports the segment",
    ],
    ["by hand every morning", "with a two-day delay", "for the weekly review", "after the campaign ends"],
  ],
  text: [
    [
      "Interview 7: mentioned this twice",
      "Seen in 3 of 12 session replays",
      "Survey comment from March",
      "Call centre note from the pilot",
    ],
    [
      "worth checking with analytics",
      "needs a second source",
      "ties to the renewal drop",
      "raised again by the partner team",
    ],
  ],
  opportunities: [
    [
      "Show the total price up front",
      "Offer a guided setup call",
      "Send a progress email",
      "Add a one-click import",
    ],
    [
      "to cut drop-off at this step",
      "for teams over ten people",
      "after the first week of use",
      "and measure it for two weeks",
    ],
  ],
};

const CHANNELS = ["website", "email", "chat_bot", "mobile_app", "messenger", "call_centre"] as const;

/** A small seeded generator, so every run builds the same map and the numbers stay comparable. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

function cardFor(laneType: string, random: () => number): CardDraft {
  const [first, second] = PHRASES[laneType] ?? PHRASES.text ?? [[], []];
  const card: CardDraft = { text: `${pick(first, random)} ${pick(second, random)}` };
  const source = pick(EVIDENCE_SOURCES, random);
  card.source = source;
  if (source !== "assumption")
    card.evidenceNote = `From the ${source} notes, week ${1 + Math.floor(random() * 52)}`;
  if (laneType === "touchpoints") card.channel = pick(CHANNELS, random);
  if (laneType.endsWith("_barriers")) card.severity = pick(SEVERITIES, random);
  if (laneType === "opportunities") {
    const baseline = Math.round(10 + random() * 40);
    card.successMetric = { metric: "Conversion to next stage", baseline, target: baseline + 10, unit: "%" };
  }
  return card;
}

/**
 * The "large map" of the issue, built only with the domain operations the editor uses:
 * 30 stages × 12 lanes (10 card lanes, an emotion curve with two series, a metrics lane with
 * people and NPS rows) and 5 cards in every card cell — 1,500 cards.
 */
export function buildLargeMap(): JourneyMap {
  const random = seededRandom(42);
  let map: JourneyMap = {
    schemaVersion: 1,
    id: "bench-large-map",
    title: "Benchmark: 30 stages × 12 lanes × 5 cards",
    description: "Generated by npm run bench",
    lang: "en",
    personaIds: [],
    segment: "Small teams on a monthly plan",
    state: "as-is",
    templateId: null,
    stages: [
      { id: "stage-0", name: STAGE_NAMES[0] ?? "Stage 1", description: "", substeps: [], matchers: [] },
    ],
    lanes: [],
    funnelSettings: { windowMs: 14 * 24 * 60 * 60 * 1000, order: "sequential", unit: "person" },
    lastReviewedAt: null,
  };
  for (let i = 1; i < LARGE_MAP_SIZE.stages; i++) {
    map = addStage(map, { id: `stage-${i}`, name: STAGE_NAMES[i] ?? `Stage ${i + 1}` });
  }
  LANES.forEach((lane, index) => {
    map = addLane(map, { id: `lane-${index}`, type: lane.type, title: lane.title });
  });
  for (const lane of map.lanes) {
    if (lane.type === "emotion") map = fillEmotion(map, lane.id, random);
    else if (lane.type === "metrics") map = fillMetrics(map, lane.id, random);
    else map = fillCards(map, lane.id, lane.type, random);
  }
  return map;
}

function fillCards(map: JourneyMap, laneId: string, laneType: string, random: () => number): JourneyMap {
  let next = map;
  for (const stage of map.stages) {
    for (let i = 0; i < LARGE_MAP_SIZE.cardsPerCell; i++) {
      next = addCard(next, { laneId, stageId: stage.id, card: cardFor(laneType, random) });
    }
  }
  return next;
}

function fillEmotion(map: JourneyMap, laneId: string, random: () => number): JourneyMap {
  let next = addEmotionSeries(map, { laneId, id: "to-be", label: "To-be", state: "to-be" });
  const lane = next.lanes.find((l) => l.id === laneId);
  const asIs = lane?.type === "emotion" ? lane.series[0]?.id : undefined;
  for (const stage of map.stages) {
    const score = Math.round((random() * 4 - 2) * 2) / 2;
    if (asIs) next = setEmotionPoint(next, { laneId, seriesId: asIs, stageId: stage.id, score, label: "" });
    next = setEmotionPoint(next, {
      laneId,
      seriesId: "to-be",
      stageId: stage.id,
      score: Math.min(2, score + 1),
    });
  }
  return next;
}

function fillMetrics(map: JourneyMap, laneId: string, random: () => number): JourneyMap {
  let next = addMetricRow(map, { laneId, id: "nps", kind: "nps", name: "NPS" });
  const lane = next.lanes.find((l) => l.id === laneId);
  const people = lane?.type === "metrics" ? lane.rows[0]?.id : undefined;
  let count = 100_000;
  for (const stage of map.stages) {
    if (people) {
      next = setMetricValue(next, { laneId, rowId: people, stageId: stage.id, value: count });
      next = setTargetConversion(next, { laneId, rowId: people, stageId: stage.id, target: 85 });
    }
    next = setMetricValue(next, {
      laneId,
      rowId: "nps",
      stageId: stage.id,
      value: Math.round(random() * 60),
    });
    count = Math.round(count * (0.7 + random() * 0.25));
  }
  return next;
}

/** Every card of the map with where it sits, in the order the grid shows them (lane by lane). */
export function listCards(
  map: JourneyMap,
): { laneId: string; stageId: string; cardId: string; text: string }[] {
  return map.lanes.flatMap((lane) =>
    "cells" in lane
      ? map.stages.flatMap((stage) =>
          (lane.cells[stage.id] ?? []).map((card) => ({
            laneId: lane.id,
            stageId: stage.id,
            cardId: card.id,
            text: card.text,
          })),
        )
      : [],
  );
}
