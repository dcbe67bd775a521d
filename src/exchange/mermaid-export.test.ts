import { describe, expect, it } from "vitest";
import { exportMap } from "./export-map.js";
import { sampleMapFile } from "./sample-map.test-support.js";

describe("Mermaid export", () => {
  it("writes a journey diagram: a section per stage, actions as tasks scored from the emotion curve", async () => {
    const { body, extension } = await exportMap(sampleMapFile(), "mermaid");
    expect(extension).toBe("mmd");
    expect(String(body)).toBe(
      [
        "journey",
        "  title Клуб по подписке꞉ путь нового участника",
        "  section Увидела рекламу",
        "    Кликает на баннер: 4: Анна 34",
        "  section Лендинг",
        "    Читает описание: 3: Анна 34",
        "    Смотрит цены꞉ 990 ₽/мес: 3: Анна 34",
        "  section Регистрация",
        "    Заполняет форму: 2: Анна 34",
        "  section Оплата",
        "    Платит картой: 1: Анна 34",
        "  section Доступ",
        "    Доступ: 5: Анна 34",
        "  section Продление",
        "    Продление: 3: Анна 34",
        "",
      ].join("\n"),
    );
  });

  it("keeps every task on one line with exactly two colons whatever the text", async () => {
    const file = sampleMapFile();
    const actions = file.map.lanes[0];
    if (actions?.type === "actions") {
      actions.cells.s1 = [
        { id: "x", text: "Шаг 1: открыть\nшаг 2; #3 %% комментарий", source: "assumption", evidenceNote: "" },
      ];
    }
    const lines = String((await exportMap(file, "mermaid")).body)
      .trim()
      .split("\n");
    const tasks = lines.filter((line) => line.startsWith("    "));
    for (const task of tasks) expect(task.split(":")).toHaveLength(3);
    expect(tasks[0]).toBe("    Шаг 1꞉ открыть шаг 2, №3 % комментарий: 4: Анна 34");
  });
});
