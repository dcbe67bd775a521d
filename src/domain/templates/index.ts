import { NotFoundError } from "../errors.js";
import { type Lang, langSchema } from "../journey-map.js";
import { validateInput } from "../validate-input.js";
import { buildTemplate } from "./build-template.js";
import { b2bSoftwareExample } from "./example-b2b-software.js";
import { cafeExample } from "./example-cafe.js";
import { subscriptionClubExample } from "./example-subscription-club.js";
import { loanApplicationExample } from "./examples/example-loan-application.js";
import { aidcrlModel } from "./model-aidcrl.js";
import { awarenessToWordOfMouthModel } from "./model-awareness-to-word-of-mouth.js";
import { b2bModel } from "./model-b2b.js";
import { needToLoyaltyModel } from "./model-need-to-loyalty.js";
import { onlineProductModel } from "./model-online-product.js";
import { triggerToPostPurchaseModel } from "./model-trigger-to-post-purchase.js";
import type { TemplateInfo, TemplateResult, TemplateSpec } from "./template.js";

export type { LocalText, TemplateInfo, TemplateKind, TemplateResult } from "./template.js";

/** The built-in templates in picker order: stage models first, then filled-in examples. */
const TEMPLATES: TemplateSpec[] = [
  needToLoyaltyModel,
  awarenessToWordOfMouthModel,
  triggerToPostPurchaseModel,
  b2bModel,
  onlineProductModel,
  aidcrlModel,
  subscriptionClubExample,
  cafeExample,
  b2bSoftwareExample,
  loanApplicationExample,
];

export function listTemplates(): TemplateInfo[] {
  return TEMPLATES.map(({ id, kind, name, description, stages }) => ({
    id,
    kind,
    name,
    description,
    stageCount: stages.length,
  }));
}

/**
 * A new map (and its personas) from a built-in template in one language, with fresh ids every call.
 * @example const { map, personas } = createMapFromTemplate("example-subscription-club", "ru");
 */
export function createMapFromTemplate(templateId: string, lang: Lang): TemplateResult {
  const spec = TEMPLATES.find((t) => t.id === templateId);
  if (!spec) throw new NotFoundError(`template "${templateId}"`);
  return buildTemplate(spec, validateInput(langSchema, lang, "lang"));
}
