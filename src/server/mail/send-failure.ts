/** Why an email was not sent, in words for the inviter: never the SMTP server's reply or the credentials. */
export function describeSendFailure(error: unknown): string {
  const code = error instanceof Error && "code" in error ? String(error.code) : "";
  if (["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ETLS"].includes(code)) {
    return "the mail server could not be reached";
  }
  if (code === "EAUTH" || code === "ENOAUTH") return "the mail server refused this server's sign-in";
  if (code === "EENVELOPE") return "the mail server refused the address";
  return "the mail server did not accept the message";
}

/** What the server log gets: the error's code, message and the SMTP reply, without the message itself. */
export function sendFailureDetail(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code, responseCode, response } = error as Error & {
    code?: string;
    responseCode?: number;
    response?: string;
  };
  return [code, error.message, responseCode, response].filter((part) => part !== undefined).join(" | ");
}
