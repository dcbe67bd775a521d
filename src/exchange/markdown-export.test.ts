import { describe, expect, it } from "vitest";
import { exportMap } from "./export-map.js";
import { sampleMapFile } from "./sample-map.test-support.js";

async function markdown(): Promise<string> {
  const { body } = await exportMap(sampleMapFile(), "md");
  return String(body).replace(/[\u00a0\u202f]/g, " ");
}

describe("Markdown export", () => {
  it("starts with the title, description and personas", async () => {
    const text = await markdown();
    expect(
      text.startsWith(
        "# Клуб по подписке: путь нового участника\n\nКарта на данных Метрики и CRM, март &lt;b&gt;2026&lt;/b&gt;",
      ),
    ).toBe(true);
    expect(text).toContain("## Персоны\n\n- **Анна, 34** (34, Маркетолог): Ищет онлайн-клуб по подписке;");
  });

  it("renders the stage × lane table with escaped cells and the evidence row", async () => {
    const text = await markdown();
    expect(text).toContain(
      "| дорожка | Увидела рекламу | Лендинг | Регистрация | Оплата | Доступ | Продление |",
    );
    expect(text).toContain("| Действия | Кликает на баннер | Читает описание<br>Смотрит цены: 990 ₽/мес |");
    expect(text).toContain(
      "| Заметки \\| &lt;i&gt;спецсимволы&lt;/i&gt; | Цена: 990 \\| скидка &lt;50%&gt; &amp; «кавычки» |",
    );
    expect(text).toContain("| *Факты* | *частично данные* |");
    const tableRows = text.split("\n").filter((line) => line.startsWith("| Заметки"));
    expect(tableRows[0]?.split(/(?<!\\)\|/).length).toBe(9);
  });

  it("bolds the key barrier in the transition table and lists opportunities with their metric", async () => {
    const text = await markdown();
    expect(text).toContain(
      "| **Увидела рекламу → Лендинг** | **10 000 → 200** | **2%** | **9 800** | **3%** | **★** |",
    );
    expect(text).toContain("| Лендинг → Регистрация | 200 → 50 | 25% | 150 | 30% |  |");
    expect(text).toContain(
      "## Возможности\n\n- **Регистрация**: Вход по ссылке без пароля — метрика успеха: Конверсия в регистрацию 25 % → 40 %",
    );
  });

  it("says when there are no counts to compute transitions from", async () => {
    const file = sampleMapFile();
    file.map.lanes = file.map.lanes.filter((lane) => lane.type !== "metrics");
    const { body } = await exportMap(file, "md");
    expect(String(body)).toContain("## Переходы\n\nНет числа людей по этапам");
  });
});
