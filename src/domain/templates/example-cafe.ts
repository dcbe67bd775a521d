import { AIDCRL_STAGES } from "./model-aidcrl.js";
import { card, type TemplateSpec } from "./template.js";

/**
 * Seed 004 (ANNonce, "От знакомства до преданной лояльности"): a new Istanbul-style café.
 * Actions and thoughts follow the article's story, touchpoints are its lists per stage, opportunities
 * its tips on touchpoints. The article has no numbers: the counts are illustrative and marked as
 * assumptions, so the map reads as hypothetical until real data replaces them.
 */
export const cafeExample: TemplateSpec = {
  id: "example-cafe",
  kind: "example",
  name: { ru: "Пример: новое кафе в стамбульском стиле", en: "Example: a new Istanbul-style café" },
  description: {
    ru: "Путь гостя от первого поста во ВКонтакте до постоянного клиента, который рекомендует кафе друзьям. Цифры условные: замените их данными кассы и программы лояльности.",
    en: "A guest's path from the first VK post to a regular who recommends the café to friends. The numbers are illustrative: replace them with till and loyalty-programme data.",
  },
  segment: { ru: "Жители района, пары, выходные", en: "Local residents, couples, weekends" },
  stages: AIDCRL_STAGES,
  cards: {
    actions: {
      awareness: [
        card(
          "Видит яркий пост во ВКонтакте с фотографией пирожного и акцией «второе пирожное бесплатно»",
          "Sees a bright VK post with a photo of a pastry and a “second pastry free” offer",
        ),
        card("Слышит о кафе от друзей", "Hears about the café from friends"),
      ],
      interest: [
        card(
          "Смотрит меню с фотосетами на сайте кафе",
          "Looks at the menu with photo sets on the café's website",
        ),
        card(
          "Читает позитивные отзывы о турецкой пахлаве и крепком чае",
          "Reads positive reviews of the Turkish baklava and strong tea",
        ),
      ],
      consideration: [
        card(
          "Видит скидку в выходные — два пирожных по цене одного",
          "Sees the weekend deal: two pastries for the price of one",
        ),
        card("Решает пойти в кафе со второй половинкой", "Decides to go to the café with their partner"),
      ],
      purchase: [
        card("Делает заказ у улыбчивого бариста", "Orders from a smiling barista"),
        card(
          "Быстро получает заказ и оплачивает удобным способом",
          "Gets the order quickly and pays a convenient way",
        ),
      ],
      retention: [card("Оформляет карточку постоянного клиента", "Signs up for a loyalty card")],
      loyalty: [
        card(
          "Получает по почте новости об акциях для постоянных клиентов",
          "Gets emails about offers for regulars",
        ),
        card("Рекомендует кафе друзьям и знакомым", "Recommends the café to friends and acquaintances"),
      ],
    },
    thoughts: {
      awareness: [card("«Стоит ли туда забежать?»", "“Should I drop by?”")],
      interest: [card("«Хочу попробовать эту пахлаву»", "“I want to try that baklava”")],
      consideration: [card("«Сходим в эти выходные?»", "“Shall we go this weekend?”")],
      purchase: [card("«Как будто снова на отдыхе в Турции»", "“Like being on holiday in Turkey again”")],
      retention: [
        card(
          "«Каждое пятое пирожное бесплатно — есть повод вернуться»",
          "“Every fifth pastry free: a reason to come back”",
        ),
      ],
      loyalty: [card("«Это теперь наше место»", "“This is our place now”")],
    },
    touchpoints: {
      awareness: [
        card("Реклама в социальных сетях (пост во ВКонтакте)", "Social media ads (a VK post)", {
          channel: "social",
        }),
        card("Сарафанное радио — разговоры с друзьями", "Word of mouth: talking with friends", {
          customChannel: { ru: "Сарафанное радио", en: "Word of mouth" },
        }),
        card("Статьи в блогах или обзоры на YouTube", "Blog articles or YouTube reviews", {
          customChannel: { ru: "Блоги и YouTube", en: "Blogs and YouTube" },
        }),
      ],
      interest: [
        card("Меню с красивыми фотографиями на сайте", "A menu with appealing photos on the website", {
          channel: "website",
        }),
        card("Отзывы других клиентов", "Other customers' reviews", { channel: "website" }),
        card("Информация о скидках и акциях", "Information on discounts and offers", { channel: "social" }),
      ],
      consideration: [
        card("Специальные предложения", "Special offers", { channel: "social" }),
        card("Отзывы и рейтинг на сайте", "Reviews and ratings on the website", { channel: "website" }),
        card("Доступная информация о качествах продукта", "Clear information about the products", {
          channel: "website",
        }),
      ],
      purchase: [
        card("Бариста и доброжелательные сотрудники", "The barista and friendly staff", {
          channel: "offline",
        }),
        card("Атмосфера, напоминающая о турецком отдыхе", "An atmosphere reminiscent of a Turkish holiday", {
          channel: "offline",
        }),
        card("Быстрая выдача заказа", "Fast order pick-up", { channel: "offline" }),
        card("Удобные платёжные способы", "Convenient ways to pay", { channel: "offline" }),
      ],
      retention: [
        card("Карточка постоянного клиента", "The loyalty card", { channel: "offline" }),
        card("Персонализированные предложения", "Personalised offers", { channel: "email" }),
        card("Регулярные кампании и акции", "Regular campaigns and offers", { channel: "social" }),
      ],
      loyalty: [
        card(
          "Новости о спецакциях для постоянных клиентов по электронной почте",
          "Email news about offers for regulars",
          {
            channel: "email",
          },
        ),
        card("Эксклюзивные услуги для постоянных гостей", "Exclusive services for regulars", {
          channel: "offline",
        }),
        card("Обратная связь", "Feedback", { channel: "website" }),
      ],
    },
    opportunities: {
      awareness: [
        card(
          "Экспериментировать с форматами в соцсетях: яркие фото, забавные видео, интерактивные опросы",
          "Experiment with social formats: bright photos, fun videos, interactive polls",
          {
            successMetric: {
              metric: { ru: "Охват постов", en: "Post reach" },
              baseline: 5000,
              target: 8000,
              unit: "",
            },
          },
        ),
      ],
      interest: [
        card(
          "Сделать сайт простым и понятным: меню и адрес на первом экране",
          "Make the website simple and clear: menu and address on the first screen",
          {
            successMetric: {
              metric: { ru: "Конверсия Осведомленность → Интерес", en: "Conversion Awareness → Interest" },
              baseline: 24,
              target: 30,
              unit: "%",
            },
          },
        ),
      ],
      consideration: [
        card(
          "Чат-бот, который подберёт пирожное по вкусу или набор в подарок",
          "A chat bot that suggests a pastry to taste or a gift box",
          {
            successMetric: {
              metric: { ru: "Конверсия Рассмотрение → Покупка", en: "Conversion Consideration → Purchase" },
              baseline: 40,
              target: 50,
              unit: "%",
            },
          },
        ),
      ],
      retention: [
        card(
          "Персонализированные письма только о том, что интересно гостю, без спама",
          "Personalised emails only about what interests the guest, no spam",
          {
            successMetric: {
              metric: { ru: "Конверсия Удержание → Лояльность", en: "Conversion Retention → Loyalty" },
              baseline: 40,
              target: 50,
              unit: "%",
            },
          },
        ),
      ],
      loyalty: [
        card(
          "Собирать обратную связь и по аналитике смотреть, что нравится гостям, а что раздражает",
          "Collect feedback and use analytics to see what guests like and what annoys them",
          { successMetric: { metric: { ru: "CSAT", en: "CSAT" }, baseline: 88, target: 92, unit: "%" } },
        ),
      ],
    },
  },
  emotion: {
    awareness: { score: 0.5, label: { ru: "Любопытство", en: "Curiosity" } },
    interest: { score: 1, label: { ru: "Аппетит", en: "Appetite" } },
    consideration: { score: 1, label: { ru: "Предвкушение", en: "Anticipation" } },
    purchase: { score: 2, label: { ru: "Восторг", en: "Delight" } },
    retention: { score: 1.5, label: { ru: "Приятный бонус", en: "A nice bonus" } },
    loyalty: { score: 2, label: { ru: "«Наше место»", en: "“Our place”" } },
  },
  metrics: [
    {
      kind: "people",
      name: { ru: "Гостей на этапе", en: "Guests at the stage" },
      values: {
        awareness: 5000,
        interest: 1200,
        consideration: 500,
        purchase: 200,
        retention: 80,
        loyalty: 32,
      },
      targets: { interest: 30, purchase: 50, loyalty: 50 },
    },
    {
      kind: "csat",
      name: { ru: "Удовлетворённость (CSAT)", en: "Satisfaction (CSAT)" },
      unit: "%",
      values: { purchase: 92, retention: 90, loyalty: 88 },
    },
  ],
  personas: [
    {
      name: { ru: "Алина, любит новые места", en: "Alina, loves new places" },
      avatar: "☕",
      color: "#f59e0b",
      age: 28,
      occupation: { ru: "Менеджер в офисе неподалёку", en: "Office manager working nearby" },
      context: {
        ru: "Живёт в районе, по выходным ищет с партнёром, куда сходить; следит за местными пабликами во ВКонтакте.",
        en: "Lives in the area and looks for places to go with her partner at weekends; follows local VK communities.",
      },
      motivation: {
        ru: "Уютное место с необычными десертами, где приятно провести время вдвоём.",
        en: "A cosy place with unusual desserts where it is nice to spend time together.",
      },
      pains: {
        ru: "Не любит долго ждать заказ; раздражают навязчивые рассылки; не пойдёт, если нет отзывов и фото меню.",
        en: "Dislikes waiting long for an order; annoyed by pushy newsletters; will not go without reviews and menu photos.",
      },
      channels: ["social", "website", "email", "offline"],
      quote: { ru: "«Стоит ли туда забежать?»", en: "“Should I drop by?”" },
      segment: { ru: "Пары 25–35 лет из района", en: "Local couples aged 25–35" },
    },
  ],
};
