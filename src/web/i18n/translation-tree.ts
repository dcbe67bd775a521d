/** A nested table of UI strings; leaves may use i18next plural suffixes (_one, _few, _many, _other). */
export interface TranslationTree {
  [key: string]: string | TranslationTree;
}
