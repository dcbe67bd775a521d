/** Column and header sizes shared by the CSS (set as variables on the board) and the SVG emotion chart. */
export const STAGE_WIDTH = 248;
export const LANE_HEADER_WIDTH = 208;
export const EMOTION_HEIGHT = 168;
export const EMOTION_PADDING = 22;
