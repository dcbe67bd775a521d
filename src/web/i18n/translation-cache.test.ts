import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { cacheTranslations } from "./translation-cache.js";

async function translator(lng: string) {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    resources: {
      en: { translation: { add: "Add card", addTo: "Add card to {{lane}} — {{stage}}" } },
      ru: { translation: { add: "Добавить карточку", addTo: "Добавить карточку в {{lane}} — {{stage}}" } },
    },
  });
  return instance.t;
}

describe("cacheTranslations", () => {
  it("gives the same text as i18next, on the first call and on later ones", async () => {
    const t = cacheTranslations(await translator("en"));
    expect(t("add")).toBe("Add card");
    expect(t("add")).toBe("Add card");
    expect(t("addTo", { lane: "Actions", stage: "Landing" })).toBe("Add card to Actions — Landing");
  });

  it("keeps texts with different values apart", async () => {
    const t = cacheTranslations(await translator("en"));
    expect(t("addTo", { lane: "Actions", stage: "Landing" })).toBe("Add card to Actions — Landing");
    expect(t("addTo", { lane: "Actions", stage: "Pricing" })).toBe("Add card to Actions — Pricing");
  });

  it("translates into the language of the function it wraps", async () => {
    const t = cacheTranslations(await translator("ru"));
    expect(t("add")).toBe("Добавить карточку");
  });
});
