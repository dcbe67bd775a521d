import type { CardSpec, TemplateSpec } from "../template.js";
import { card } from "../template.js";

/**
 * A real process bound to real events: the BPI Challenge 2012 log of personal-loan applications at a
 * Dutch bank (van Dongen 2012, DOI 10.4121/uuid:3926db30-f712-4394-aebc-75976070e91f, CC BY 4.0).
 * Each stage is reached by one `A_*` application state of the log; the demo workspace holds the
 * log's completed events (src/analytics/demo), so the funnel is computed, not typed in.
 * Cards marked "analytics" state what the log shows (counted over its 13,087 applications);
 * the rest (thoughts, feelings, the persona) are assumptions to check in interviews.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

function fromLog(ru: string, en: string, noteRu: string, noteEn: string, extra: Omit<CardSpec, "text"> = {}) {
  return card(ru, en, { source: "analytics", evidenceNote: { ru: noteRu, en: noteEn }, ...extra });
}

function conversion(ru: string, en: string, baseline: number, target: number): CardSpec["successMetric"] {
  return { metric: { ru, en }, baseline, target, unit: "%" };
}

export const loanApplicationExample: TemplateSpec = {
  id: "example-loan-application",
  kind: "example",
  name: { ru: "Заявка на кредит (BPIC 2012)", en: "Loan application (BPIC 2012)" },
  description: {
    ru: "Реальный процесс: 13 087 заявок на потребительский кредит в нидерландском банке (октябрь 2011 – март 2012, BPI Challenge 2012). Этапы привязаны к событиям журнала, воронка считается по данным демо-пространства. Больше всего людей теряется между оформлением предложения и одобрением: банк ждёт подписанное предложение и обзванивает клиентов.",
    en: "A real process: 13,087 personal-loan applications at a Dutch bank (October 2011 – March 2012, BPI Challenge 2012). The stages are bound to the log's events and the funnel is computed from the demo workspace's data. Most people are lost between the finalized offer and approval: the bank waits for the signed offer and calls customers.",
  },
  segment: {
    ru: "Частные клиенты, заявка на кредит через сайт",
    en: "Private customers applying for a loan on the website",
  },
  stages: [
    {
      key: "submitted",
      name: { ru: "Заявка подана", en: "Submitted" },
      description: {
        ru: "Клиент отправил заявку на сайте (A_SUBMITTED).",
        en: "The customer sent the application on the website (A_SUBMITTED).",
      },
      matchers: [{ event: "A_SUBMITTED", where: [] }],
    },
    {
      key: "preaccepted",
      name: { ru: "Предварительно одобрена", en: "Pre-accepted" },
      description: {
        ru: "Автоматическая проверка пройдена (A_PREACCEPTED).",
        en: "The automatic check passed (A_PREACCEPTED).",
      },
      matchers: [{ event: "A_PREACCEPTED", where: [] }],
    },
    {
      key: "accepted",
      name: { ru: "Принята", en: "Accepted" },
      description: {
        ru: "Сотрудник дополнил заявку и принял её в работу (A_ACCEPTED).",
        en: "An employee completed the application and accepted it (A_ACCEPTED).",
      },
      matchers: [{ event: "A_ACCEPTED", where: [] }],
    },
    {
      key: "finalized",
      name: { ru: "Предложение оформлено", en: "Finalized" },
      description: {
        ru: "Предложение создано и отправлено клиенту (A_FINALIZED, O_SENT).",
        en: "The offer is created and sent to the customer (A_FINALIZED, O_SENT).",
      },
      matchers: [{ event: "A_FINALIZED", where: [] }],
    },
    {
      key: "approved",
      name: { ru: "Одобрена", en: "Approved" },
      description: {
        ru: "Клиент вернул подписанное предложение, банк проверил документы и одобрил кредит (A_APPROVED).",
        en: "The customer returned the signed offer, the bank validated the documents and approved the loan (A_APPROVED).",
      },
      matchers: [{ event: "A_APPROVED", where: [] }],
    },
  ],
  // The slowest approval in the log took 86 days after submission; 90 days lets every one count.
  funnelSettings: { windowMs: 90 * DAY_MS, order: "sequential", unit: "person" },
  cards: {
    actions: {
      submitted: [
        card(
          "Заполняет заявку на сайте: сумма и данные",
          "Fills in the form on the website: amount and details",
        ),
      ],
      preaccepted: [
        fromLog(
          "Отвечает на звонок банка, досылает недостающие данные",
          "Answers the bank's call and adds the missing details",
          "W_Completeren aanvraag (дополнение заявки): медиана 4 ч до принятия",
          "W_Completeren aanvraag (completing the application): a median 4 h to acceptance",
        ),
      ],
      accepted: [card("Ждёт предложение", "Waits for the offer")],
      finalized: [
        fromLog(
          "Получает предложение, читает, подписывает и отправляет обратно",
          "Receives the offer, reads it, signs it and sends it back",
          "O_SENT_BACK: 3 254 из 5 015 оформленных заявок",
          "O_SENT_BACK: 3,254 of the 5,015 finalized applications",
        ),
      ],
      approved: [card("Получает кредит", "Gets the loan")],
    },
    thoughts: {
      submitted: [card("«Дадут ли мне вообще?»", "“Will they lend to me at all?”")],
      preaccepted: [card("«Зачем опять те же вопросы?»", "“Why the same questions again?”")],
      accepted: [card("«Сколько ещё ждать?»", "“How much longer?”")],
      finalized: [
        card(
          "«Точно ли это выгодно? Где мелкий шрифт?»",
          "“Is this really a good deal? Where is the small print?”",
        ),
      ],
      approved: [card("«Наконец-то»", "“Finally”")],
    },
    touchpoints: {
      submitted: [
        card("Форма заявки на сайте", "The application form on the website", { channel: "website" }),
      ],
      preaccepted: [
        card("Звонок сотрудника банка", "A call from a bank employee", { channel: "call_centre" }),
      ],
      accepted: [card("Письмо о статусе заявки", "A status email", { channel: "email" })],
      finalized: [
        card("Предложение по почте или онлайн", "The offer by mail or online", { channel: "email" }),
        fromLog(
          "Напоминающие звонки о предложении",
          "Reminder calls about the offer",
          "W_Nabellen offertes: 22 976 завершённых звонков по 5 015 заявкам",
          "W_Nabellen offertes: 22,976 completed calls over 5,015 applications",
          { channel: "call_centre" },
        ),
      ],
      approved: [
        fromLog(
          "Звонок о недостающих документах",
          "A call about missing documents",
          "W_Nabellen incomplete dossiers: 1 647 заявок",
          "W_Nabellen incomplete dossiers: 1,647 applications",
          { channel: "call_centre" },
        ),
      ],
    },
    tech_barriers: {
      submitted: [
        fromLog(
          "Автоматический отказ сразу после подачи",
          "Automatic decline right after submission",
          "A_DECLINED без предварительного одобрения: 5 719 заявок",
          "A_DECLINED before pre-acceptance: 5,719 applications",
          { severity: "critical" },
        ),
      ],
      preaccepted: [
        fromLog(
          "Заявка неполная: банк звонит, чтобы дополнить",
          "The application is incomplete: the bank has to call to complete it",
          "До принятия 1 085 отказов и 1 100 отмен",
          "Before acceptance: 1,085 declines and 1,100 cancellations",
          { severity: "high" },
        ),
      ],
      finalized: [
        fromLog(
          "Ожидание подписанного предложения по почте: медиана 14 дней до одобрения",
          "Waiting for the signed offer by post: a median 14 days to approval",
          "A_FINALIZED → A_APPROVED: медиана 332 ч, 90-й процентиль 667 ч",
          "A_FINALIZED → A_APPROVED: median 332 h, 90th percentile 667 h",
          { severity: "critical" },
        ),
      ],
      approved: [
        fromLog(
          "Проверка документов после возврата предложения",
          "Document validation after the offer is returned",
          "W_Valideren aanvraag (проверка заявки): 3 209 заявок",
          "W_Valideren aanvraag (validating the application): 3,209 applications",
          { severity: "medium" },
        ),
      ],
    },
    emotional_barriers: {
      submitted: [card("Страх отказа", "Fear of being turned down", { severity: "medium" })],
      preaccepted: [
        card("Раздражение от повторных вопросов", "Irritation at repeated questions", { severity: "medium" }),
      ],
      finalized: [
        fromLog(
          "Сомнения в условиях: клиент не возвращает предложение и отменяет заявку",
          "Doubts about the terms: the customer does not return the offer and cancels",
          "A_CANCELLED после оформления предложения: 1 640 заявок",
          "A_CANCELLED after the offer was finalized: 1,640 applications",
          { severity: "critical" },
        ),
      ],
      approved: [card("Усталость от долгого процесса", "Fatigue from a long process", { severity: "low" })],
    },
    opportunities: {
      preaccepted: [
        card(
          "Спрашивать всё нужное в форме сразу, чтобы не звонить дополнять заявку",
          "Ask for everything in the form at once, so no call is needed to complete the application",
          {
            successMetric: conversion(
              "Конверсия Предварительно одобрена → Принята",
              "Conversion Pre-accepted → Accepted",
              69,
              80,
            ),
          },
        ),
      ],
      finalized: [
        card(
          "Электронная подпись предложения вместо бумажной почты; напоминание со ссылкой вместо звонков",
          "E-signing of the offer instead of paper mail; a reminder with a link instead of calls",
          {
            successMetric: conversion(
              "Конверсия Предложение оформлено → Одобрена",
              "Conversion Finalized → Approved",
              45,
              60,
            ),
          },
        ),
        card(
          "Объяснить условия предложения простым языком и калькулятором платежа",
          "Explain the offer's terms in plain words with a repayment calculator",
          {
            successMetric: conversion(
              "Конверсия Предложение оформлено → Одобрена",
              "Conversion Finalized → Approved",
              45,
              60,
            ),
          },
        ),
      ],
    },
  },
  emotion: {
    submitted: { score: 0.5, label: { ru: "Надежда", en: "Hope" } },
    preaccepted: { score: 1, label: { ru: "Облегчение", en: "Relief" } },
    accepted: { score: 0, label: { ru: "Ожидание", en: "Waiting" } },
    finalized: { score: -1, label: { ru: "Сомнения и ожидание", en: "Doubt and waiting" } },
    approved: { score: 1.5, label: { ru: "Радость", en: "Joy" } },
  },
  metrics: [
    {
      kind: "people",
      name: { ru: "Заявок на этапе", en: "Applications at the stage" },
      source: "analytics",
      values: { submitted: 13087, preaccepted: 7367, accepted: 5113, finalized: 5015, approved: 2246 },
      targets: { preaccepted: 60, accepted: 80, finalized: 98, approved: 60 },
    },
  ],
  personas: [
    {
      name: { ru: "Заявитель на кредит", en: "Loan applicant" },
      avatar: "🧑‍💼",
      color: "#16a34a",
      age: null,
      occupation: { ru: "Частный клиент банка", en: "A private bank customer" },
      context: {
        ru: "Подаёт заявку на потребительский кредит на сайте; медианная сумма — 10 000 евро, самая большая — 99 999.",
        en: "Applies for a personal loan on the website; the median amount is €10,000, the largest €99,999.",
      },
      motivation: {
        ru: "Быстро получить деньги на понятных условиях.",
        en: "Get the money quickly on clear terms.",
      },
      pains: {
        ru: "Долгое ожидание решения; повторные звонки и вопросы; бумажное предложение, которое надо подписать и отправить.",
        en: "A long wait for the decision; repeated calls and questions; a paper offer to sign and send back.",
      },
      channels: ["website", "email", "call_centre"],
      quote: { ru: "«Сколько ещё ждать?»", en: "“How much longer?”" },
      segment: { ru: "Все заявки журнала", en: "Every application in the log" },
    },
  ],
};
