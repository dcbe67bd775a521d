import { describe, expect, it } from "vitest";
import { renderMapSvg, wrapText } from "./map-svg.js";
import { sampleMapFile } from "./sample-map.test-support.js";

describe("renderMapSvg", () => {
  it("draws the title, personas, stages, cards and evidence levels", () => {
    const svg = renderMapSvg(sampleMapFile());
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const text of [
      "Клуб по подписке: путь нового участника",
      "Анна, 34",
      "Увидела рекламу",
      "Продление",
    ]) {
      expect(svg).toContain(`>${text}</text>`);
    }
    expect(svg).toContain(">Письмо попадает в спам</text>");
    expect(svg).toContain(">критичная</text>");
    expect(svg).toContain(">Telegram-бот</text>");
    expect(svg).toContain(">Соцсети</text>");
    expect(svg).toContain(">частично данные</text>");
    expect(svg).toContain(">данные</text>");
  });

  it("escapes user text so it cannot break or inject markup", () => {
    const svg = renderMapSvg(sampleMapFile());
    expect(svg).toContain("&lt;b&gt;2026&lt;/b&gt;");
    expect(svg).toContain("скидка &lt;50%&gt; &amp;");
    expect(svg).not.toContain("<b>");
    expect(svg).not.toContain("<i>");
  });

  it("draws the emotion curves with labelled points and the transitions with the key barrier", () => {
    const svg = renderMapSvg(sampleMapFile());
    expect(svg.match(/<path d="M[^"]+ C[^"]+"/g)).toHaveLength(2);
    expect(svg).toContain('stroke-dasharray="6 5"');
    expect(svg).toContain(">Радость</text>");
    expect(svg.replace(/[\u00a0\u202f]/g, " ")).toContain(">10 000 чел.</text>");
    expect(svg).toContain(">→ 2% · цель 3%</text>");
    expect(svg).toContain(">★ Ключевой барьер</text>");
    expect(svg.match(/★ Ключевой барьер/g)).toHaveLength(1);
  });

  it("wraps long text into lines that fit the card", () => {
    const lines = wrapText("Очень длинный текст карточки, который не помещается в одну строку", 200, 12);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(27);
  });
});
