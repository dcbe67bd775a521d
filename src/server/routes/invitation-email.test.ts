import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends } from "../../store/test-databases.js";
import { closedSmtpUrl, type SmtpInbox, startSmtpInbox } from "../mail/smtp-inbox.test-support.js";
import { type Json, startTestServer, TEST_PASSWORD, type TestServer } from "./test-server.test-support.js";

const invitationsOf = (server: TestServer) => `/api/workspaces/${server.workspaceId}/invitations`;

/** Signs a new user up through an invitation link as it arrived: the token is the link's last part. */
async function signUpThrough(server: TestServer, link: string, email: string) {
  const token = link.split("/#/invite/")[1];
  return server.anonymous.call("POST", "/api/auth/sign-up", {
    email,
    name: "Colleague",
    password: TEST_PASSWORD,
    invitation: token,
  });
}

describe.each(testBackends())("invitations by email on $name", (backend) => {
  describe("with a mail server", () => {
    let inbox: SmtpInbox;
    let server: TestServer;

    beforeAll(async () => {
      inbox = await startSmtpInbox();
      server = await startTestServer(backend, { SMTP_URL: inbox.url, MAIL_FROM: "Team <team@tropa.test>" });
    });

    afterAll(async () => {
      await server?.close();
      await inbox?.close();
    });

    it("tells the web app that mail is on", async () => {
      expect((await server.call("GET", "/api/auth/me")).json.mailEnabled).toBe(true);
    });

    it("emails the link, who invites and where, and the link signs the colleague up", async () => {
      inbox.received.length = 0;
      const created = await server.call("POST", invitationsOf(server), {
        role: "commenter",
        email: "Colleague@Example.test",
      });
      expect(created.status).toBe(201);
      expect(created.json).toMatchObject({ role: "commenter", emailed: true });
      expect(created.json.emailError).toBeUndefined();

      expect(inbox.received).toHaveLength(1);
      const [mail] = inbox.received as [SmtpInbox["received"][number]];
      expect(mail.recipients).toEqual(["colleague@example.test"]);
      expect(mail.from).toMatch(/^"?Team"? <team@tropa\.test>$/);
      expect(mail.subject).toBe("Owner invited you to “Tests” on Tropa");
      expect(mail.text).toContain(created.json.url);
      expect(mail.text).toContain("Owner invited you to join the workspace “Tests” on Tropa as a commenter.");
      expect(mail.html).toContain(`href="${created.json.url}"`);

      const link = mail.text.match(/https?:\/\/\S+/)?.[0] ?? "";
      const joined = await signUpThrough(server, link, "colleague@example.test");
      expect(joined.status).toBe(201);
      expect(joined.json.workspaces).toEqual([
        expect.objectContaining({ id: server.workspaceId, role: "commenter" }),
      ]);
    });

    it("escapes names in the HTML part, writes in the inviter's language and logs the invitation", async () => {
      const inviter = "<script>alert('owner')</script>";
      const workspace = `<img src=x onerror="alert(1)"> & Co`;
      expect((await server.call("PATCH", "/api/auth/me", { name: inviter })).status).toBe(200);
      expect(
        (await server.call("PATCH", `/api/workspaces/${server.workspaceId}`, { name: workspace })).status,
      ).toBe(200);
      inbox.received.length = 0;

      const created = await server.call("POST", invitationsOf(server), {
        role: "editor",
        email: "anna@example.test",
        lang: "ru",
      });
      expect(created.json.emailed).toBe(true);
      const [mail] = inbox.received as [SmtpInbox["received"][number]];
      expect(mail.subject).toBe(`${inviter} приглашает вас в «${workspace}» в Tropa`);
      expect(mail.text).toContain(
        `${inviter} приглашает вас в пространство «${workspace}» в Tropa в роли редактора.`,
      );
      expect(mail.html).toContain("&lt;script&gt;alert(&#39;owner&#39;)&lt;/script&gt;");
      expect(mail.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; Co");
      expect(mail.html).not.toContain("<script");
      expect(mail.html).not.toContain("<img");

      const log = (await server.call("GET", `/api/workspaces/${server.workspaceId}/activity?limit=1`)).json;
      const [entry] = (log.entries ?? log) as Json[];
      expect(entry).toMatchObject({ action: "member.invited", details: { role: "editor" } });
    });

    it("refuses an address that is not one, naming the field, and sends nothing", async () => {
      inbox.received.length = 0;
      const answer = await server.call("POST", invitationsOf(server), {
        role: "viewer",
        email: "not an address",
      });
      expect(answer.status).toBe(400);
      expect(answer.json.error.field).toBe("email");
      expect(inbox.received).toHaveLength(0);
    });
  });

  describe("without a mail server", () => {
    let server: TestServer;

    beforeAll(async () => {
      server = await startTestServer(backend);
    });

    afterAll(async () => {
      await server?.close();
    });

    it("refuses an email naming the field, and invites by link as before", async () => {
      expect((await server.call("GET", "/api/auth/me")).json.mailEnabled).toBe(false);
      const refused = await server.call("POST", invitationsOf(server), {
        role: "editor",
        email: "a@example.test",
      });
      expect(refused.status).toBe(400);
      expect(refused.json.error).toMatchObject({ code: "validation_failed", field: "email" });
      expect(refused.json.error.message).toContain("mail is not configured on this server");
      expect((await server.call("GET", invitationsOf(server))).json).toEqual([]);

      const created = await server.call("POST", invitationsOf(server), { role: "editor" });
      expect(created.status).toBe(201);
      expect(created.json.emailed).toBeUndefined();
    });
  });

  describe("with a mail server that is down", () => {
    let server: TestServer;
    let smtpUrl: URL;

    beforeAll(async () => {
      smtpUrl = new URL(await closedSmtpUrl());
      smtpUrl.username = "tropa";
      smtpUrl.password = "smtp-secret";
      server = await startTestServer(backend, { SMTP_URL: smtpUrl.toString() });
    });

    afterAll(async () => {
      await server?.close();
    });

    it("still creates a working invitation and says the email was not sent, without SMTP details", async () => {
      const created = await server.call("POST", invitationsOf(server), {
        role: "viewer",
        email: "b@example.test",
      });
      expect(created.status).toBe(201);
      expect(created.json).toMatchObject({
        role: "viewer",
        emailed: false,
        emailError: "the mail server could not be reached",
      });
      const answer = JSON.stringify(created.json);
      expect(answer).not.toContain("smtp-secret");
      expect(answer).not.toContain(`:${smtpUrl.port}`);
      expect(answer).not.toMatch(/ECONN|ESOCKET/);

      const joined = await signUpThrough(server, created.json.url, "b@example.test");
      expect(joined.status).toBe(201);
      expect(joined.json.workspaces[0]).toMatchObject({ id: server.workspaceId, role: "viewer" });
    });
  });
});
