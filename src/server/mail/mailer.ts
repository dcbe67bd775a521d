import { createTransport } from "nodemailer";
import type { Config } from "../config.js";

/** One message to one recipient, as plain text with an HTML alternative. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends Tropa's emails through the configured SMTP server; rejects when the server does not take one. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

/**
 * An inviter waits for the answer, so an unreachable or stalled mail server must fail in seconds,
 * not after nodemailer's default two minutes.
 */
const TIMEOUT_MS = 10_000;

/** The mailer of SMTP_URL and MAIL_FROM, or null when no mail server is configured. */
export function createMailer(config: Pick<Config, "smtpUrl" | "mailFrom">): Mailer | null {
  if (!config.smtpUrl) return null;
  const transport = createTransport({
    url: config.smtpUrl,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  return {
    async send(mail) {
      // An address object is taken as one address: a comma in it cannot add recipients.
      await transport.sendMail({
        from: config.mailFrom,
        to: { name: "", address: mail.to },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      });
    },
  };
}
