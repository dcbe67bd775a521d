import type { TestServer } from "../routes/test-server.test-support.js";

/**
 * Everything a denied or rejected request could have written in the test workspace, read through the API
 * as its owner: compare two snapshots to prove that nothing changed.
 */
export async function snapshotWorkspace(server: TestServer, mapIds: readonly string[]): Promise<string> {
  const wid = server.workspaceId;
  const urls = [
    "/api/workspaces",
    `/api/workspaces/${wid}/maps`,
    `/api/workspaces/${wid}/personas`,
    `/api/workspaces/${wid}/members`,
    `/api/workspaces/${wid}/invitations`,
    `/api/workspaces/${wid}/write-key`,
    `/api/workspaces/${wid}/imports`,
    `/api/workspaces/${wid}/events/summary`,
    `/api/templates?workspaceId=${wid}`,
    ...mapIds.flatMap((id) => [
      `/api/maps/${id}`,
      `/api/maps/${id}/versions`,
      `/api/maps/${id}/comments?state=all`,
      `/api/maps/${id}/share-links`,
    ]),
  ];
  const answers = await Promise.all(urls.map((url) => server.call("GET", url)));
  return JSON.stringify(answers.map((answer, i) => [urls[i], answer.status, answer.json]));
}
