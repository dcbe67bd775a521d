import { BENCH_PASSWORD, callJson, type Session, sessionFrom } from "../tropa-api.js";

/** The owner invites an editor by link and they sign up through it. */
export async function signUpEditor(
  baseUrl: string,
  owner: Session,
  workspaceId: string,
  index: number,
): Promise<Session> {
  const invited = await callJson(baseUrl, owner, "POST", `/api/workspaces/${workspaceId}/invitations`, {
    role: "editor",
  });
  const email = `editor-${index}@bench.test`;
  const answer = await callJson(baseUrl, null, "POST", "/api/auth/sign-up", {
    email,
    name: `Editor ${index}`,
    password: BENCH_PASSWORD,
    invitation: (invited.json as { token: string }).token,
  });
  return sessionFrom(email, answer);
}
