import { type DealColumns, dealEvents, utmColumns } from "./deal-events.js";
import { IdentityLinks } from "./identity-links.js";
import type { RowMapper } from "./preset-event.js";
import type { Row } from "./row.js";

/** Bitrix24's final stages by default name or stage id (`WON`, `C1:WON`; `LOSE`, `APOLOGY`). */
const WON = ["сделка успешна", "успешная сделка", "сделка завершена успешно", "deal won", "won"];
const LOST = [
  "сделка провалена",
  "анализ причины провала",
  "провалена",
  "deal lost",
  "deal failed",
  "lost",
  "analyze failure",
];

/**
 * `--preset bitrix24`: a Bitrix24 deal list export ("Экспорт в Excel/CSV": Russian headers, `;`,
 * Windows-1251, decimal commas) or `crm.deal.list` records (REST field names). `STAGE_SEMANTIC_ID`
 * S/F decides won/lost when present. See `dealEvents` for the events.
 */
export const BITRIX24_COLUMNS: DealColumns = {
  preset: "bitrix24",
  id: ["ID"],
  name: ["Название сделки", "Название", "Сделка", "Deal name", "Deal", "TITLE"],
  stage: ["Стадия сделки", "Стадия", "Stage", "Deal stage", "STAGE_ID"],
  pipeline: ["Воронка", "Направление", "Pipeline", "Funnel", "CATEGORY_ID"],
  amount: ["Сумма", "Сумма сделки", "Amount", "Opportunity", "OPPORTUNITY"],
  created: ["Дата создания", "Создана", "Date created", "Created", "DATE_CREATE"],
  modified: ["Дата изменения", "Изменена", "Date modified", "Modified", "DATE_MODIFY"],
  closed: ["Дата закрытия", "Closing date", "Date closed", "CLOSEDATE"],
  responsible: ["Ответственный", "Responsible", "Responsible person", "ASSIGNED_BY_ID"],
  lossReason: ["Причина провала", "Причина отказа", "Loss reason"],
  source: ["Источник", "Source", "SOURCE_ID"],
  phones: [
    "Телефон",
    "Рабочий телефон",
    "Мобильный телефон",
    "Контакт: Телефон",
    "Phone",
    "Work phone",
    "Mobile phone",
  ],
  emails: ["E-mail", "Email", "Рабочий e-mail", "Контакт: E-mail", "Work e-mail"],
  contact: ["Контакт", "Contact", "CONTACT_ID"],
  webIds: ["UF_CRM_YM_CLIENT_ID", "_ym_uid", "ClientID Метрики", "gclientid"],
  roistatVisit: ["roistat", "Roistat"],
  utm: utmColumns((part) => [`UTM_${part.toUpperCase()}`]),
  outcome: (row: Row, stage: string) => {
    const semantic = row.text(["STAGE_SEMANTIC_ID"]).toUpperCase();
    if (semantic === "S") return "won";
    if (semantic === "F") return "lost";
    const name = stage.trim().toLowerCase();
    const code = name.replace(/^c\d+:/, "");
    if (WON.includes(name) || code === "won") return "won";
    if (LOST.includes(name) || code === "lose" || code === "apology") return "lost";
    return "open";
  },
};

export const BITRIX24_REQUIRED = [BITRIX24_COLUMNS.id, BITRIX24_COLUMNS.created] as const;

export function createBitrix24Mapper(): RowMapper {
  const links = new IdentityLinks("bitrix24");
  return (row) => dealEvents(row, BITRIX24_COLUMNS, links);
}
