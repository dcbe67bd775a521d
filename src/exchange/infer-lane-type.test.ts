import { describe, expect, it } from "vitest";
import { inferLaneType } from "./infer-lane-type.js";

describe("inferLaneType", () => {
  it.each([
    ["Действия клиента", "actions"],
    ["Customer actions", "actions"],
    ["Вопросы и мысли", "thoughts"],
    ["Thoughts & questions", "thoughts"],
    ["Точки касания", "touchpoints"],
    ["Touchpoints", "touchpoints"],
    ["Эмоции", "emotion"],
    ["Emotion", "emotion"],
    ["Технические барьеры", "tech_barriers"],
    ["Technical barriers", "tech_barriers"],
    ["Эмоциональные барьеры", "emotional_barriers"],
    ["Emotional barriers", "emotional_barriers"],
    ["Возможности", "opportunities"],
    ["Идеи", "opportunities"],
    ["Opportunities / ideas", "opportunities"],
    ["Люди", "metrics"],
    ["Людей на этапе", "metrics"],
    ["People", "metrics"],
    ["Metrics", "metrics"],
    ["Видео-отзывы", "text"],
    ["Комментарии", "text"],
  ])("reads %s as %s", (title, type) => {
    expect(inferLaneType(title)).toBe(type);
  });
});
