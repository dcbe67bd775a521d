import { ONLINE_PRODUCT_STAGES } from "./model-online-product.js";
import { type CardSpec, card, type TemplateSpec } from "./template.js";

/**
 * Seed 003 (Prodamus.XL, "Карта пути клиента: как понять, где вы теряете продажи и вовлечённость"):
 * a subscription club in Telegram. Actions, questions and barriers are the article's table verbatim,
 * one card per item; the counts are its funnel example; opportunities come from its step 4 and its
 * transition table. The article gives no count for Access.
 */

function conversionMetric(
  ru: string,
  en: string,
  baseline: number,
  target: number,
): CardSpec["successMetric"] {
  return { metric: { ru, en }, baseline, target, unit: "%" };
}

export const subscriptionClubExample: TemplateSpec = {
  id: "example-subscription-club",
  kind: "example",
  name: { ru: "Пример: клуб по подписке в Telegram", en: "Example: Telegram subscription club" },
  description: {
    ru: "Путь клиента клуба по подписке: от рекламы до продления. «Переход, на котором вы теряете больше всего людей, и есть ключевой барьер на пути клиента». Улучшайте самый слабый этап и через 7–14 дней сравните метрики.",
    en: "The customer journey of a subscription club, from the ad to renewal. “The transition where you lose the most people is the key barrier on the customer's path.” Improve the weakest stage and compare the metrics after 7–14 days.",
  },
  segment: {
    ru: "Новые подписчики из таргетированной рекламы",
    en: "New subscribers from targeted ads",
  },
  stages: ONLINE_PRODUCT_STAGES,
  cards: {
    actions: {
      ad: [card("Кликает", "Clicks")],
      landing: [card("Читает", "Reads")],
      registration: [card("Оставляет контакты", "Leaves contact details")],
      payment: [card("Выбирает тариф", "Chooses a plan")],
      access: [card("Получает материалы", "Gets the materials")],
      renewal: [card("Получает напоминание", "Gets a reminder")],
    },
    thoughts: {
      ad: [card("«Это точно для меня?»", "“Is this really for me?”")],
      landing: [card("«Что я получу?»", "“What will I get?”")],
      registration: [card("«А что дальше?»", "“And what next?”")],
      payment: [card("«Окупится ли это?»", "“Will it pay off?”")],
      access: [card("«С чего начать?»", "“Where do I start?”")],
      renewal: [card("«Стоит продлевать?»", "“Is it worth renewing?”")],
    },
    touchpoints: {
      ad: [card("Рекламное объявление", "The ad", { channel: "ads" })],
      landing: [card("Лендинг клуба", "The club's landing page", { channel: "landing" })],
      registration: [
        card("Форма регистрации", "The registration form", { channel: "landing" }),
        card("Письмо после регистрации", "The email after registration", { channel: "email" }),
      ],
      payment: [card("Страница оплаты на сайте", "The payment page on the website", { channel: "website" })],
      access: [
        card("Закрытый Telegram-канал клуба", "The club's private Telegram channel", {
          channel: "messenger",
        }),
      ],
      renewal: [
        card("Напоминание о продлении", "The renewal reminder", { channel: "email" }),
        card("Сообщение в Telegram", "A message in Telegram", { channel: "messenger" }),
      ],
    },
    tech_barriers: {
      ad: [
        card("Ссылка битая / ведёт не туда", "The link is broken / leads to the wrong place", {
          severity: "critical",
        }),
      ],
      landing: [
        card("Долгая загрузка", "Slow loading", { severity: "high" }),
        card("Перегруженная страница", "An overloaded page", { severity: "medium" }),
      ],
      registration: [
        card("Сложная форма", "A complicated form", { severity: "high" }),
        card("Письмо ушло в спам", "The email went to spam", { severity: "high" }),
        card("Непонятно, что делать дальше", "Unclear what to do next", { severity: "medium" }),
      ],
      payment: [
        card(
          "Нет нужного способа, сложная форма",
          "The right payment method is missing, a complicated form",
          {
            severity: "critical",
          },
        ),
      ],
      access: [
        card("Нет инструкции, сложно найти вход", "No instructions, hard to find the way in", {
          severity: "high",
        }),
      ],
      renewal: [
        card("Сложный процесс продления", "A complicated renewal process", { severity: "high" }),
        card("Нет кнопки быстрого платежа", "No quick-payment button", { severity: "medium" }),
      ],
    },
    emotional_barriers: {
      ad: [card("Несоответствие ожиданий", "Expectations not met", { severity: "medium" })],
      landing: [
        card("Неясная ценность", "Unclear value", { severity: "critical" }),
        card(
          "Нет доверия (нет кейсов/цифр/соцдоказательств)",
          "No trust (no case studies/numbers/social proof)",
          { severity: "high" },
        ),
      ],
      registration: [
        card("Страх “слишком много данных”", "Fear of “too much personal data”", { severity: "medium" }),
      ],
      payment: [
        card("Страх ошибиться / потерять деньги", "Fear of making a mistake / losing money", {
          severity: "high",
        }),
      ],
      access: [
        card("Перегруз, неуверенность в правильности выбора", "Overload, unsure the choice was right", {
          severity: "medium",
        }),
      ],
      renewal: [card("Не увидел ценности", "Did not see the value", { severity: "high" })],
    },
    opportunities: {
      ad: [
        card(
          "Проверить ссылки в объявлениях и согласовать обещание рекламы с лендингом",
          "Check the links in the ads and align the ad's promise with the landing page",
          { successMetric: conversionMetric("Конверсия Реклама → Лендинг", "Conversion Ad → Landing", 2, 3) },
        ),
      ],
      landing: [
        card(
          "Лендинг не объясняет ценность: добавить кейсы, цифры и отзывы участников",
          "The landing page does not explain the value: add case studies, numbers and members' reviews",
          {
            successMetric: conversionMetric(
              "Конверсия Лендинг → Регистрация",
              "Conversion Landing → Registration",
              25,
              35,
            ),
          },
        ),
      ],
      registration: [
        card(
          "Убрать лишнее поле из формы и добавить письмо «что дальше»",
          "Remove the extra form field and add a “what next” email",
          {
            successMetric: conversionMetric(
              "Конверсия Лендинг → Регистрация",
              "Conversion Landing → Registration",
              25,
              35,
            ),
          },
        ),
      ],
      payment: [
        card(
          "Упростить оплату: нужные способы оплаты и простая кнопка; добавить гарантию, чтобы снять страх потерять деньги",
          "Simplify payment: the methods people need and a simple button; add a guarantee to ease the fear of losing money",
          {
            successMetric: conversionMetric(
              "Конверсия Регистрация → Оплата",
              "Conversion Registration → Payment",
              20,
              30,
            ),
          },
        ),
      ],
      access: [
        card(
          "Добавить инструкцию «с чего начать» и ссылку на вход в первом сообщении",
          "Add “where to start” instructions and the sign-in link to the first message",
          {
            successMetric: conversionMetric(
              "Конверсия Оплата → Продление",
              "Conversion Payment → Renewal",
              70,
              80,
            ),
          },
        ),
      ],
      renewal: [
        card(
          "Напоминание о продлении с кнопкой быстрого платежа и итогами участника за месяц",
          "A renewal reminder with a quick-pay button and the member's results for the month",
          {
            successMetric: conversionMetric(
              "Конверсия Оплата → Продление",
              "Conversion Payment → Renewal",
              70,
              80,
            ),
          },
        ),
      ],
    },
  },
  emotion: {
    ad: { score: 0.5, label: { ru: "Любопытство", en: "Curiosity" } },
    landing: { score: 0, label: { ru: "Сомнение", en: "Doubt" } },
    registration: { score: -0.5, label: { ru: "Неуверенность", en: "Uncertainty" } },
    payment: { score: -1, label: { ru: "Страх потерять деньги", en: "Fear of losing money" } },
    access: { score: -0.5, label: { ru: "Перегруз", en: "Overload" } },
    renewal: { score: -1, label: { ru: "Не видит ценности", en: "Sees no value" } },
  },
  metrics: [
    {
      kind: "people",
      name: { ru: "Людей на этапе", en: "People at the stage" },
      source: "analytics",
      values: { ad: 10000, landing: 200, registration: 50, payment: 10, access: null, renewal: 7 },
      targets: { registration: 35, payment: 30, renewal: 80 },
    },
  ],
  personas: [
    {
      name: { ru: "Марина, специалист на росте", en: "Marina, the growing specialist" },
      avatar: "👩‍💻",
      color: "#0ea5e9",
      age: 32,
      occupation: { ru: "SMM-специалист на фрилансе", en: "Freelance social media specialist" },
      context: {
        ru: "Хочет расти в профессии и ищет закрытое сообщество эксперта в Telegram; читает с телефона между задачами.",
        en: "Wants to grow professionally and looks for an expert's private Telegram community; reads on her phone between tasks.",
      },
      motivation: {
        ru: "Получать практические материалы и разборы, чтобы поднимать свой чек.",
        en: "Get practical materials and reviews of real cases to raise her rates.",
      },
      pains: {
        ru: "Боится потратить деньги впустую; не доверяет обещаниям без кейсов и цифр; устаёт от сложных форм и перегруза материалами.",
        en: "Afraid of wasting money; does not trust promises without case studies and numbers; tired of complicated forms and material overload.",
      },
      channels: ["ads", "landing", "email", "website", "messenger"],
      quote: { ru: "«Окупится ли это?»", en: "“Will it pay off?”" },
      segment: {
        ru: "Пришли из таргетированной рекламы, первая подписка",
        en: "Came from targeted ads, first subscription",
      },
    },
  ],
};
