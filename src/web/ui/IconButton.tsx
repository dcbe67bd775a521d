import type { LucideIcon } from "lucide-react";

interface Props {
  /** The accessible name: an icon alone says nothing to a screen reader. */
  label: string;
  icon: LucideIcon;
  onClick: () => void;
  title?: string;
  disabled?: boolean;
  /** The compact button of headers and popovers; its icon is 14px unless iconSize says otherwise. */
  small?: boolean;
  variant?: "danger";
  iconSize?: number;
  className?: string;
  "aria-haspopup"?: "dialog";
  "aria-expanded"?: boolean;
}

/** A button that shows only an icon, named by its label. */
export function IconButton({
  label,
  icon: Icon,
  small = false,
  variant,
  iconSize = small ? 14 : 18,
  className,
  ...rest
}: Props) {
  const classes = ["icon-button", small && "icon-button-sm", variant, className].filter(Boolean).join(" ");
  return (
    <button type="button" className={classes} aria-label={label} {...rest}>
      <Icon size={iconSize} aria-hidden="true" />
    </button>
  );
}
