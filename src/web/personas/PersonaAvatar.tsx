import type { Persona } from "../../domain/persona.js";

interface Props {
  persona: Pick<Persona, "name" | "avatar" | "color">;
  size?: "sm" | "md" | "lg";
}

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? "");
  return letters.join("") || "?";
}

/** A coloured circle with the persona's emoji or initials; the name is said by the surrounding text. */
export function PersonaAvatar({ persona, size = "md" }: Props) {
  return (
    <span className={`avatar avatar-${size}`} style={{ background: persona.color }} aria-hidden="true">
      {persona.avatar || initials(persona.name)}
    </span>
  );
}
