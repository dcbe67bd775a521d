import { X } from "lucide-react";
import { type ReactNode, useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { IconButton } from "./IconButton.js";

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
}

/** A non-modal side panel: the map stays usable next to it, Escape closes it. */
export function Drawer({ title, onClose, children }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useRef<HTMLElement>(null);

  useEffect(() => {
    ref.current?.focus();
  }, []);

  return (
    <aside
      ref={ref}
      className="drawer"
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === "Escape") onClose();
      }}
    >
      <header className="drawer-header">
        <h2 id={titleId}>{title}</h2>
        <IconButton icon={X} label={t("common.close")} onClick={onClose} />
      </header>
      <div className="drawer-body">{children}</div>
    </aside>
  );
}
