import { TrendingDown } from "lucide-react";
import type { Transition } from "../../domain/funnel.js";
import { numberFormat } from "../i18n/number-format.js";
import { useUiText } from "../i18n/ui-text.js";

interface Props {
  transition: Transition;
  isKeyBarrier: boolean;
  isFurthestBelowTarget: boolean;
}

/** Drawn on the boundary between two stages: conversion %, people lost, and why it is highlighted. */
export function TransitionChip({ transition, isKeyBarrier, isFurthestBelowTarget }: Props) {
  const { t, lang } = useUiText();
  const number = numberFormat(lang);
  const classes = ["transition-chip"];
  if (isKeyBarrier) classes.push("key-barrier");
  if (isFurthestBelowTarget) classes.push("below-target");
  const conversion = transition.conversion === null ? "—" : `${number.format(transition.conversion)} %`;
  return (
    <div
      className={classes.join(" ")}
      role="note"
      aria-label={t("metrics.transitionLabel", {
        from: transition.fromName,
        to: transition.toName,
        conversion,
        lost: number.format(transition.lost),
      })}
    >
      <span className="transition-conversion">{conversion}</span>
      <span className="transition-lost">
        <TrendingDown size={12} aria-hidden="true" />
        {t("metrics.lost", { count: transition.lost, value: number.format(transition.lost) })}
      </span>
      {transition.target !== null && (
        <span className="transition-target">
          {t("metrics.targetShort", { value: number.format(transition.target) })}
        </span>
      )}
      {isKeyBarrier && <span className="transition-flag">{t("metrics.keyBarrier")}</span>}
      {isFurthestBelowTarget && !isKeyBarrier && (
        <span className="transition-flag flag-amber">{t("metrics.belowTarget")}</span>
      )}
    </div>
  );
}
