import { Option } from "commander";
import { LANGS } from "../domain/journey-map.js";

/** `--lang ru|en`; commander rejects other values with a usage error. */
export function langOption(): Option {
  return new Option("--lang <lang>", "language of names and texts").choices(LANGS).default("en");
}
