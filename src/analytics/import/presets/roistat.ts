import { type CallColumns, callEvents } from "./call-events.js";
import { IdentityLinks } from "./identity-links.js";
import type { RowMapper } from "./preset-event.js";

/**
 * `--preset roistat`: Roistat call tracking: `calltracking/call/list` records (optionally with
 * `extend: ["visit"]`) or a UI export with Russian headers. `status` ANSWER → `call`, anything
 * else (BUSY, NOANSWER, CANCEL…) → `missed call`; the Roistat visit (`roistat:visit:ID`, what an
 * amoCRM deal's `roistat` column links to) and the visit's Metrica/GA client ids are linked to the phone.
 */
export const ROISTAT_COLUMNS: CallColumns = {
  preset: "roistat",
  id: ["id", "ID звонка", "ID", "Call ID"],
  time: ["date", "Дата звонка", "Дата и время", "Дата", "Date"],
  timeOfDay: ["Время"],
  phone: ["caller", "Номер клиента", "Звонивший", "Номер звонящего", "Телефон клиента", "Телефон", "Caller"],
  trackingNumber: ["callee", "Кому звонили", "Номер отслеживания", "Номер", "Callee"],
  direction: [],
  answered: ["status", "Статус", "Статус звонка", "Status"],
  lost: [],
  duration: ["duration", "Длительность", "Длительность звонка", "Duration"],
  wait: [],
  webIds: [
    ...["visit.metrika_client_id", "metrika_client_id", "ClientID Метрики"],
    ...["visit.google_client_id", "google_client_id", "Google Client ID"],
  ],
  visitIds: [{ names: ["visit_id", "Визит", "Номер визита", "Visit"], prefix: "roistat:visit:" }],
  properties: {
    marker: ["marker", "Маркер", "Источник", "Marker"],
    order_id: ["order_id", "ID сделки", "Сделка", "Заказ", "Order"],
    utm_source: ["visit.source.utm_source", "utm_source", "UTM Source"],
    utm_medium: ["visit.source.utm_medium", "utm_medium", "UTM Medium"],
    utm_campaign: ["visit.source.utm_campaign", "utm_campaign", "UTM Campaign"],
    url: ["visit.landing_page", "landing_page", "Страница входа"],
    site: ["comment", "Комментарий"],
    new_caller: ["is_new", "Новый", "Первичный"],
    status: ["status", "Статус", "Статус звонка", "Status"],
  },
};

export function createRoistatMapper(): RowMapper {
  const links = new IdentityLinks("roistat");
  return (row) => callEvents(row, ROISTAT_COLUMNS, links);
}
