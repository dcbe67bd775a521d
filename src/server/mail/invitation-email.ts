import type { Lang } from "../../domain/journey-map.js";
import type { Role } from "../../domain/team/role.js";
import { escapeHtml } from "./escape-html.js";

/** What the invitee is told: who invites them where, as what, until when, and the link. */
export interface InvitationEmailFacts {
  inviterName: string;
  workspaceName: string;
  role: Role;
  expiresAt: string;
  url: string;
  lang: Lang;
}

interface Wording {
  subject(inviter: string, workspace: string): string;
  /** The opening sentence; `inviter` and `workspace` arrive already escaped for HTML when it is HTML. */
  invites(inviter: string, workspace: string, role: string): string;
  open: string;
  button: string;
  expires(date: string): string;
  ignore: string;
  /** The role inside a sentence: "… as an editor". */
  roleAs: Record<Role, string>;
  locale: string;
}

const WORDING: Record<Lang, Wording> = {
  en: {
    subject: (inviter, workspace) => `${inviter} invited you to “${workspace}” on Tropa`,
    invites: (inviter, workspace, role) =>
      `${inviter} invited you to join the workspace “${workspace}” on Tropa as ${role}.`,
    open: "To join, open this link:",
    button: "Join the workspace",
    expires: (date) => `The link works once and expires on ${date} (UTC).`,
    ignore: "If you were not expecting this invitation, you can ignore this email.",
    roleAs: { owner: "an owner", editor: "an editor", commenter: "a commenter", viewer: "a viewer" },
    locale: "en-GB",
  },
  ru: {
    subject: (inviter, workspace) => `${inviter} приглашает вас в «${workspace}» в Tropa`,
    invites: (inviter, workspace, role) =>
      `${inviter} приглашает вас в пространство «${workspace}» в Tropa в роли ${role}.`,
    open: "Чтобы присоединиться, откройте ссылку:",
    button: "Присоединиться",
    expires: (date) => `Ссылка срабатывает один раз и действует до ${date} (UTC).`,
    ignore: "Если вы не ждали этого приглашения, письмо можно просто удалить.",
    roleAs: { owner: "владельца", editor: "редактора", commenter: "комментатора", viewer: "читателя" },
    locale: "ru-RU",
  },
};

/**
 * The invitation as plain text and as simple HTML. Names are user input, so the HTML escapes them,
 * and the subject keeps them on one line (a line break there would end the header).
 */
export function composeInvitationEmail(facts: InvitationEmailFacts): {
  subject: string;
  text: string;
  html: string;
} {
  const wording = WORDING[facts.lang];
  const role = wording.roleAs[facts.role];
  const expires = wording.expires(formatExpiry(facts.expiresAt, wording.locale));
  const text = [
    wording.invites(facts.inviterName, facts.workspaceName, role),
    "",
    wording.open,
    facts.url,
    "",
    expires,
    wording.ignore,
    "",
  ].join("\n");
  const html = [
    "<!doctype html>",
    `<html lang="${facts.lang}"><body style="font-family: sans-serif; line-height: 1.5">`,
    `<p>${wording.invites(escapeHtml(facts.inviterName), escapeHtml(facts.workspaceName), role)}</p>`,
    `<p><a href="${escapeHtml(facts.url)}">${escapeHtml(wording.button)}</a></p>`,
    `<p>${escapeHtml(wording.open)}<br>${escapeHtml(facts.url)}</p>`,
    `<p>${escapeHtml(expires)}</p>`,
    `<p style="color: #666">${escapeHtml(wording.ignore)}</p>`,
    "</body></html>",
    "",
  ].join("\n");
  const subject = wording.subject(oneLine(facts.inviterName), oneLine(facts.workspaceName));
  return { subject, text, html };
}

function formatExpiry(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(
    new Date(iso),
  );
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
