import { type DealColumns, dealEvents, utmColumns } from "./deal-events.js";
import { IdentityLinks } from "./identity-links.js";
import type { RowMapper } from "./preset-event.js";
import type { Row } from "./row.js";

/** amoCRM's system statuses: 142 "Успешно реализовано" (won) and 143 "Закрыто и не реализовано" (lost). */
const WON = [
  "успешно реализовано",
  "closed - won",
  "closed-won",
  "closed won",
  "successfully realized",
  "142",
];
const LOST = [
  "закрыто и не реализовано",
  "closed - lost",
  "closed-lost",
  "closed lost",
  "closed and not realized",
  "143",
];

/**
 * `--preset amocrm`: an amoCRM/Kommo deal export ("Сделки → Экспорт", CSV or XLSX; Russian or
 * English headers; the contact-level copies of `utm_*`/`_ym_uid` columns read as `name#2`).
 * See `dealEvents` for the events; `_ym_uid` (Metrica clientID) and `gclientid` (GA client id)
 * and the `roistat` visit link the deal's contact to its web visits.
 */
export const AMOCRM_COLUMNS: DealColumns = {
  preset: "amocrm",
  id: ["ID"],
  name: ["Название сделки", "Сделка", "Название", "Lead name", "Lead title", "Deal name", "Name"],
  stage: ["Этап сделки", "Этап", "Статус сделки", "Статус", "Lead stage", "Lead status", "Stage", "Status"],
  pipeline: ["Воронка", "Pipeline"],
  amount: ["Бюджет", "Бюджет ₽", "Бюджет, ₽", "Бюджет, руб.", "Budget", "Sale", "Price"],
  created: [
    "Дата создания сделки",
    "Дата создания",
    "Date created",
    "Created at",
    "Created",
    "Creation date",
  ],
  modified: [
    "Дата редактирования",
    "Дата изменения",
    "Date modified",
    "Modified",
    "Updated at",
    "Last modified",
  ],
  closed: ["Дата закрытия", "Date closed", "Closed at", "Closing date", "Closed"],
  responsible: ["Ответственный", "Responsible user", "Responsible"],
  lossReason: ["Причина отказа", "Loss reason", "Reason for loss"],
  source: ["Источник", "Source"],
  phones: [
    ...[
      "Рабочий телефон",
      "Рабочий прямой телефон",
      "Мобильный телефон",
      "Домашний телефон",
      "Другой телефон",
    ],
    ...["Телефон", "Work phone", "Work direct phone", "Mobile phone", "Home phone", "Other phone", "Phone"],
  ],
  emails: [
    "Рабочий email",
    "Личный email",
    "Другой email",
    "Email",
    "Work email",
    "Personal email",
    "Other email",
  ],
  contact: [
    "Полное имя контакта",
    "Основной контакт",
    "Контакт",
    "Contact full name",
    "Main contact",
    "Contact",
  ],
  webIds: ["_ym_uid", "_ym_uid#2", "gclientid", "gclientid#2"],
  roistatVisit: ["roistat", "roistat#2"],
  utm: utmColumns(),
  outcome: (_row: Row, stage: string) => {
    const name = stage.trim().toLowerCase();
    if (WON.includes(name)) return "won";
    if (LOST.includes(name)) return "lost";
    return "open";
  },
};

export const AMOCRM_REQUIRED = [AMOCRM_COLUMNS.id, AMOCRM_COLUMNS.created] as const;

export function createAmocrmMapper(): RowMapper {
  const links = new IdentityLinks("amocrm");
  return (row) => dealEvents(row, AMOCRM_COLUMNS, links);
}
