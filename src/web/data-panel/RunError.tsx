import { useUiText } from "../i18n/ui-text.js";

/**
 * Why a query could not run, in words the user can act on: an unbound map points to the binding tab,
 * anything else (a server without the analytics routes, a bad range) shows the server's message.
 */
export function RunError({ error, field }: { error: string | null; field: string | undefined }) {
  const { t } = useUiText();
  if (!error) return null;
  return (
    <p className="alert alert-error" role="alert">
      {field === "stages" ? t("data.query.noBoundStages") : t("data.unavailable", { message: error })}
    </p>
  );
}
