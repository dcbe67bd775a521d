import { type CallColumns, callEvents } from "./call-events.js";
import { IdentityLinks } from "./identity-links.js";
import type { RowMapper } from "./preset-event.js";

/**
 * `--preset comagic`: CoMagic/UIS (also Novofon, CallGear) call reports: a UI export with Russian
 * headers (CSV or XLSX) or `get.calls_report` records (`start_time` local, read as Moscow time).
 * `is_lost` decides `missed call`; `direction` out → `outgoing call`; the site visitor
 * (`visitor_id`) is linked to the phone as `comagic:visitor:ID`.
 */
export const COMAGIC_COLUMNS: CallColumns = {
  preset: "comagic",
  id: ["id", "communication_id", "ID звонка", "ID обращения", "Id"],
  time: ["start_time", "Время начала", "Дата и время", "Дата начала", "Дата", "Start time", "Date"],
  timeOfDay: ["Время"],
  phone: [
    "contact_phone_number",
    "Номер абонента",
    "Номер клиента",
    "Абонент",
    "Телефон",
    "Contact phone number",
  ],
  trackingNumber: ["virtual_phone_number", "Виртуальный номер", "Номер обращения", "Virtual number"],
  direction: ["direction", "Направление", "Direction"],
  answered: ["Статус", "Status"],
  lost: ["is_lost", "Потерянный", "Потерянный звонок", "Lost"],
  duration: ["talk_duration", "Длительность разговора", "Продолжительность разговора", "Talk duration"],
  wait: ["wait_duration", "Время ожидания", "Длительность ожидания", "Wait duration"],
  webIds: [],
  visitIds: [{ names: ["visitor_id", "ID посетителя", "Visitor ID"], prefix: "comagic:visitor:" }],
  properties: {
    source: ["source", "Источник", "Source"],
    campaign: ["campaign_name", "Рекламная кампания", "Кампания", "Campaign"],
    utm_source: ["utm_source", "UTM Source"],
    utm_medium: ["utm_medium", "UTM Medium"],
    utm_campaign: ["utm_campaign", "UTM Campaign"],
    utm_content: ["utm_content", "UTM Content"],
    utm_term: ["utm_term", "UTM Term"],
    city: ["cpn_region_name", "Регион", "Region"],
    manager: ["last_answered_employee_full_name", "Сотрудник", "Ответивший сотрудник", "Employee"],
    finish_reason: ["finish_reason", "Причина завершения"],
    tags: ["tags", "Теги", "Tags"],
  },
};

export function createComagicMapper(): RowMapper {
  const links = new IdentityLinks("comagic");
  return (row) => callEvents(row, COMAGIC_COLUMNS, links);
}
