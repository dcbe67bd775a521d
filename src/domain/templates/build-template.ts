import { newId } from "../ids.js";
import type { Card, CardLane, CardLaneType, Lane, Lang, MetricRow } from "../journey-map.js";
import { MAP_SCHEMA_VERSION } from "../journey-map.js";
import { defaultLaneTitle, defaultPeopleRowName, defaultSeriesLabel } from "../lane-titles.js";
import { parseMap, parsePersona } from "../migrations.js";
import { PERSONA_SCHEMA_VERSION, type Persona } from "../persona.js";
import type { CardSpec, MetricRowSpec, PersonaSpec, TemplateResult, TemplateSpec } from "./template.js";

/** The lanes every template starts with, top to bottom. */
const STANDARD_LANES = [
  "actions",
  "thoughts",
  "touchpoints",
  "emotion",
  "tech_barriers",
  "emotional_barriers",
  "opportunities",
  "metrics",
] as const;

/**
 * Turns a template spec into a new map and its personas in one language, with fresh ids every call.
 * The result goes through parseMap so a broken template fails its tests, not a user.
 */
export function buildTemplate(spec: TemplateSpec, lang: Lang): TemplateResult {
  const stageIds = new Map(spec.stages.map((stage) => [stage.key, newId()]));
  const idOf = (key: string): string => {
    const id = stageIds.get(key);
    if (!id) throw new Error(`template ${spec.id}: unknown stage key "${key}"`);
    return id;
  };
  const personas = (spec.personas ?? []).map((persona) => buildPersona(persona, lang));
  const lanes = STANDARD_LANES.map((type): Lane => {
    const id = newId();
    const title = defaultLaneTitle(type, lang);
    if (type === "emotion") {
      const points = Object.fromEntries(
        Object.entries(spec.emotion ?? {}).map(([key, p]) => [
          idOf(key),
          { score: p.score, label: p.label[lang] },
        ]),
      );
      const personaId = personas[0]?.id ?? null;
      return {
        id,
        type,
        title,
        series: [{ id: newId(), label: defaultSeriesLabel(lang), personaId, state: "as-is", points }],
      };
    }
    if (type === "metrics") {
      const rows = spec.metrics ?? [
        {
          kind: "people",
          name: { ru: defaultPeopleRowName("ru"), en: defaultPeopleRowName("en") },
          values: {},
        },
      ];
      return { id, type, title, rows: rows.map((row) => buildMetricRow(row, lang, idOf)) };
    }
    return buildCardLane(type, id, title, spec, lang, idOf);
  });
  const map = parseMap(
    {
      schemaVersion: MAP_SCHEMA_VERSION,
      id: newId(),
      title: spec.name[lang],
      description: spec.description[lang],
      lang,
      personaIds: personas.map((p) => p.id),
      segment: spec.segment?.[lang] ?? "",
      state: "as-is",
      templateId: spec.id,
      stages: spec.stages.map((stage) => ({
        id: idOf(stage.key),
        name: stage.name[lang],
        description: stage.description[lang],
        matchers: stage.matchers ?? [],
      })),
      lanes,
      ...(spec.funnelSettings && { funnelSettings: spec.funnelSettings }),
    },
    `template ${spec.id}`,
  );
  return { map, personas };
}

function buildCardLane(
  type: CardLaneType,
  id: string,
  title: string,
  spec: TemplateSpec,
  lang: Lang,
  idOf: (key: string) => string,
): CardLane {
  const byStage = spec.cards?.[type] ?? {};
  const cells = Object.fromEntries(
    spec.stages.map((stage) => [
      idOf(stage.key),
      (byStage[stage.key] ?? []).map((card) => buildCard(card, lang)),
    ]),
  );
  // A cell under a misspelt stage key would silently vanish; idOf makes it fail the template tests.
  for (const key of Object.keys(byStage)) idOf(key);
  return { id, type, title, cells };
}

function buildCard(spec: CardSpec, lang: Lang): Card {
  return {
    id: newId(),
    text: spec.text[lang],
    source: spec.source ?? "assumption",
    evidenceNote: spec.evidenceNote?.[lang] ?? "",
    ...(spec.severity && { severity: spec.severity }),
    ...(spec.channel && { channel: spec.channel }),
    ...(spec.customChannel && { customChannel: spec.customChannel[lang] }),
    ...(spec.successMetric && {
      successMetric: { ...spec.successMetric, metric: spec.successMetric.metric[lang] },
    }),
  };
}

function buildMetricRow(spec: MetricRowSpec, lang: Lang, idOf: (key: string) => string): MetricRow {
  const byStage = <V>(record: Record<string, V>) =>
    Object.fromEntries(Object.entries(record).map(([key, value]) => [idOf(key), value]));
  return {
    id: newId(),
    kind: spec.kind,
    name: spec.name[lang],
    unit: spec.unit ?? "",
    values: byStage(spec.values),
    targets: byStage(spec.targets ?? {}),
    source: spec.source ?? "assumption",
    fromData: null,
  };
}

function buildPersona(spec: PersonaSpec, lang: Lang): Persona {
  return parsePersona({
    schemaVersion: PERSONA_SCHEMA_VERSION,
    id: newId(),
    name: spec.name[lang],
    avatar: spec.avatar,
    color: spec.color,
    age: spec.age,
    occupation: spec.occupation[lang],
    context: spec.context[lang],
    motivation: spec.motivation[lang],
    pains: spec.pains[lang],
    channels: spec.channels,
    quote: spec.quote[lang],
    segment: spec.segment[lang],
  });
}
