import { type CallColumns, callEvents } from "./call-events.js";
import { IdentityLinks } from "./identity-links.js";
import type { RowMapper } from "./preset-event.js";

/**
 * `--preset calltouch`: the Calltouch call journal (UI export with Russian headers, CSV or XLSX)
 * or `calls-diary/calls` records (API field names; dates `dd/mm/yyyy HH:MM:SS`, read as Moscow
 * time). `successful` (or the status) decides `call` vs `missed call`; `yaClientId` (Metrica) and
 * `clientId` (GA) are linked to the caller's phone.
 */
export const CALLTOUCH_COLUMNS: CallColumns = {
  preset: "calltouch",
  id: ["callId", "ID звонка", "Id звонка", "Call ID"],
  time: ["date", "Дата звонка", "Дата и время звонка", "Дата и время", "Время звонка", "Дата", "Date"],
  timeOfDay: ["Время"],
  phone: [
    "callerNumber",
    "Номер абонента",
    "Телефон абонента",
    "Номер звонящего",
    "Абонент",
    "Телефон",
    "Caller number",
  ],
  trackingNumber: ["phoneNumber", "Номер отслеживания", "Отслеживаемый номер", "Tracking number"],
  direction: [],
  answered: ["successful", "Успешный", "Успешный звонок", "Статус звонка", "Статус", "Status"],
  lost: [],
  duration: ["duration", "Длительность разговора", "Длительность", "Продолжительность", "Duration"],
  wait: ["waitingConnect", "Время ожидания", "Ожидание", "Waiting time"],
  webIds: [
    "yaClientId",
    "Yandex Client ID",
    "ClientID Метрики",
    "clientId",
    "Google Client ID",
    "GA Client ID",
  ],
  visitIds: [],
  properties: {
    source: ["source", "Источник", "Source"],
    medium: ["medium", "Канал", "Medium"],
    keyword: ["keyword", "Ключевое слово", "Keyword"],
    utm_source: ["utmSource", "UTM Source", "utm_source"],
    utm_medium: ["utmMedium", "UTM Medium", "utm_medium"],
    utm_campaign: ["utmCampaign", "UTM Campaign", "utm_campaign"],
    utm_content: ["utmContent", "UTM Content", "utm_content"],
    utm_term: ["utmTerm", "UTM Term", "utm_term"],
    url: ["url", "Страница входа", "Landing page"],
    call_url: ["callUrl", "Страница звонка", "Call page"],
    city: ["city", "Город", "City"],
    manager: ["manager", "Менеджер", "Оператор", "Manager"],
    unique: ["uniqueCall", "Уникальный", "Уникальный звонок"],
    target: ["targetCall", "Целевой", "Целевой звонок"],
    tags: ["callTags", "Теги", "Тэги", "Tags"],
  },
};

export function createCalltouchMapper(): RowMapper {
  const links = new IdentityLinks("calltouch");
  return (row) => callEvents(row, CALLTOUCH_COLUMNS, links);
}
