import i18next, { type TFunction } from "i18next";
import { createContext, useContext } from "react";

export interface UiText {
  t: TFunction;
  lang: string;
}

/**
 * One translation function shared through context. react-i18next's useTranslation costs a wrapper per
 * call, which adds up to hundreds of milliseconds across the thousands of cards of a large map.
 */
export const UiTextContext = createContext<UiText>({ t: i18next.t, lang: "en" });

export const useUiText = (): UiText => useContext(UiTextContext);
