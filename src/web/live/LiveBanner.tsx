import { Eye, PlugZap, Unplug } from "lucide-react";
import type { Role } from "../../domain/team/role.js";
import { useUiText } from "../i18n/ui-text.js";
import type { LinkState } from "./link-state.js";

const REFUSAL_CODES = new Set([4401, 4403, 4404, 4413]);

interface Props {
  link: LinkState;
  /** The user's role in the map's workspace (undefined: not a member, so view only). */
  role: Role | undefined;
}

/** Says why the map cannot be edited: the connection, or the user's role. */
export function LiveBanner({ link, role }: Props) {
  const { t } = useUiText();
  if (link.kind === "unreachable") {
    return (
      <div className="banner banner-error" role="alert">
        <PlugZap size={18} aria-hidden="true" />
        <span>{t("live.banner.unreachable")}</span>
      </div>
    );
  }
  if (link.kind === "refused") {
    const key = REFUSAL_CODES.has(link.code) ? String(link.code) : "other";
    return (
      <div className="banner banner-error" role="alert">
        <Unplug size={18} aria-hidden="true" />
        <span>{t(`live.banner.refused.${key}`, { code: link.code })}</span>
      </div>
    );
  }
  if (role === "commenter" || role === "viewer" || role === undefined) {
    return (
      <div className="banner banner-info" role="status">
        <Eye size={18} aria-hidden="true" />
        <span>{t(role === "commenter" ? "live.banner.readOnly" : "live.banner.viewOnly")}</span>
      </div>
    );
  }
  return null;
}
