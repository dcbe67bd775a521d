import { importDemoEvents } from "../analytics/demo/import-demo-events.js";
import type { WorkspaceEventStores } from "../analytics/workspace-event-stores.js";
import { seedDemoWorkspace } from "../store/seed-demo.js";
import type { Store } from "../store/store.js";

/**
 * First start: the demo workspace with the example maps, and the BPIC 2012 events the loan-application
 * example is bound to, so a new user sees a data-backed map at once. Imported before the server
 * listens (a few seconds, once) so the demo funnel never shows a half-imported log.
 */
export async function seedDemoData(store: Store, eventStores: WorkspaceEventStores): Promise<void> {
  const workspaceId = await seedDemoWorkspace(store);
  if (workspaceId === null) return;
  await eventStores.use(workspaceId, (events) => importDemoEvents(events));
}
