import { Quote } from "lucide-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Persona } from "../../domain/persona.js";
import { CHANNEL_ICONS } from "../ui/channel-icons.js";
import { PersonaAvatar } from "./PersonaAvatar.js";

interface Props {
  persona: Persona;
  actions?: ReactNode;
  compact?: boolean;
}

/** A persona at a glance: who, what drives them, what hurts, where they can be reached. */
export function PersonaCard({ persona, actions, compact }: Props) {
  const { t } = useTranslation();
  const subtitle = [
    persona.age !== null ? t("persona.ageValue", { count: persona.age }) : "",
    persona.occupation,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <article
      className={compact ? "persona-card compact" : "persona-card"}
      style={{ borderTopColor: persona.color }}
    >
      <header className="persona-card-head">
        <PersonaAvatar persona={persona} size={compact ? "md" : "lg"} />
        <div>
          <h3>{persona.name}</h3>
          {subtitle && <p className="muted">{subtitle}</p>}
        </div>
      </header>
      {persona.quote && (
        <blockquote className="persona-quote">
          <Quote size={14} aria-hidden="true" />
          {persona.quote}
        </blockquote>
      )}
      {!compact && (
        <dl className="persona-facts">
          {persona.context && (
            <div>
              <dt>{t("persona.context")}</dt>
              <dd>{persona.context}</dd>
            </div>
          )}
          {persona.motivation && (
            <div>
              <dt>{t("persona.motivation")}</dt>
              <dd>{persona.motivation}</dd>
            </div>
          )}
          {persona.pains && (
            <div>
              <dt>{t("persona.pains")}</dt>
              <dd>{persona.pains}</dd>
            </div>
          )}
        </dl>
      )}
      {persona.channels.length > 0 && (
        <ul className="persona-channels" aria-label={t("persona.channels")}>
          {persona.channels.map((channel) => {
            const Icon = CHANNEL_ICONS[channel];
            return (
              <li key={channel} title={t(`channel.${channel}`)}>
                <Icon size={14} aria-hidden="true" />
                <span className={compact ? "visually-hidden" : undefined}>{t(`channel.${channel}`)}</span>
              </li>
            );
          })}
        </ul>
      )}
      {actions && <footer className="persona-card-actions">{actions}</footer>}
    </article>
  );
}
