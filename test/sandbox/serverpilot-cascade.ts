// Deleting a resource deletes what hangs off it, children first, each database
// also in MariaDB: a server takes its system users, a system user its apps, an
// app its databases (the document warns of this for system users).
import type { DatabaseEngine } from "./serverpilot-real-databases";
import type { AppRecord, DbRecord, SandboxStore, ServerRecord, SysuserRecord } from "./serverpilot-records";

export interface Cascade {
  removeDb(db: DbRecord): Promise<void>;
  removeApp(app: AppRecord): Promise<void>;
  removeSysuser(sysuser: SysuserRecord): Promise<void>;
  removeServer(server: ServerRecord): Promise<void>;
}

export function cascade(store: SandboxStore, databases: DatabaseEngine): Cascade {
  const valuesOf = <T>(map: Map<string, T>) => [...map.values()];

  async function removeDb(db: DbRecord): Promise<void> {
    await databases.drop(db.name, db.user.name);
    store.dbs.delete(db.id);
  }

  async function removeApp(app: AppRecord): Promise<void> {
    for (const db of valuesOf(store.dbs).filter((d) => d.appid === app.id)) await removeDb(db);
    store.apps.delete(app.id);
  }

  async function removeSysuser(sysuser: SysuserRecord): Promise<void> {
    for (const app of valuesOf(store.apps).filter((a) => a.sysuserid === sysuser.id)) await removeApp(app);
    store.sysusers.delete(sysuser.id);
  }

  async function removeServer(server: ServerRecord): Promise<void> {
    for (const sysuser of valuesOf(store.sysusers).filter((s) => s.serverid === server.id)) await removeSysuser(sysuser);
    // Records a test put in the store out of band may not hang off a sysuser.
    for (const app of valuesOf(store.apps).filter((a) => a.serverid === server.id)) await removeApp(app);
    for (const db of valuesOf(store.dbs).filter((d) => d.serverid === server.id)) await removeDb(db);
    store.servers.delete(server.id);
  }

  return { removeDb, removeApp, removeSysuser, removeServer };
}
