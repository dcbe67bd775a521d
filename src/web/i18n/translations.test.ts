import { describe, expect, it } from "vitest";
import { en } from "./en.js";
import { pickInitialLang } from "./i18n.js";
import { ru } from "./ru.js";
import type { TranslationTree } from "./translation-tree.js";

/** Keys with plural suffixes folded, since Russian needs more plural forms than English. */
function keysOf(tree: TranslationTree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string"
      ? [`${prefix}${key.replace(/_(one|few|many|other)$/, "")}`]
      : keysOf(value, `${prefix}${key}.`),
  );
}

describe("translations", () => {
  it("have the same keys in Russian and English", () => {
    expect([...new Set(keysOf(ru))].sort()).toEqual([...new Set(keysOf(en))].sort());
  });

  it("use the same placeholders in both languages", () => {
    const placeholders = (tree: TranslationTree) =>
      JSON.stringify(tree)
        .match(/\{\{\w+\}\}/g)
        ?.filter((p, i, all) => all.indexOf(p) === i)
        .sort();
    expect(placeholders(ru)).toEqual(placeholders(en));
  });
});

describe("pickInitialLang", () => {
  it("prefers the remembered choice, then the browser's Russian, then English", () => {
    expect(pickInitialLang("en", ["ru-RU"])).toBe("en");
    expect(pickInitialLang(null, ["ru-RU", "en"])).toBe("ru");
    expect(pickInitialLang(null, ["de-DE"])).toBe("en");
    expect(pickInitialLang("fr", ["en-US"])).toBe("en");
  });
});
