import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The DejaVu Sans files from the `dejavu-fonts-ttf` package: the one font family every export uses. */
export const DEJAVU_FONTS = {
  regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
};
