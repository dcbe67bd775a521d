import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "./error-text.js";

/**
 * One server action behind a button: `busy` while it runs (the button is disabled, so a double click
 * sends it once), `error` with a translated message when it fails, cleared on the next try.
 */
export function useAction() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    async (action: () => Promise<void>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        await action();
        return true;
      } catch (reason) {
        setError(errorText(reason, t));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );

  return { busy, error, run };
}
