// WisPanel's databases API as its document describes it, with what FACTS.md adds: names and
// users prefixed with the owner, the full name as the id, [a-zA-Z0-9_] names, 404 / 403 / 409,
// remote access per host, password resets and single-use phpMyAdmin logins.
import { randomBytes } from "node:crypto";
import { EmulatorError, reply, type Route, type RouteContext } from "./base";
import { validationError, type ErrorShape, type FieldErrors } from "./wispanel-errors";
import type { MysqlSide } from "./wispanel-mysql";

export interface WisPanelUser {
  username: string;
  role: "user" | "admin";
}

export interface DatabaseRecord {
  id: string;
  name: string;
  user: string;
  owner: string;
  domain: string;
  remote_access: boolean;
  remote_host: string;
  created_at: string;
  /** As last set, for tests; the API never shows it. */
  password: string;
}

export interface PhpMyAdminLogin {
  database: string;
  url: string;
  token: string;
}

export interface WisPanelState {
  store: Map<string, DatabaseRecord>;
  mysql: MysqlSide;
  shape: ErrorShape;
  logins: PhpMyAdminLogin[];
}

type Context = RouteContext<WisPanelUser>;

const IDENTIFIER = /^[a-zA-Z0-9_]+$/;
const HOST = /^[A-Za-z0-9.:%_\/-]{0,255}$/;
const DOMAIN = /^[A-Za-z0-9.-]{1,253}$/;

function objectBody(ctx: Context, shape: ErrorShape): Record<string, unknown> {
  const body = ctx.body;
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw validationError(shape, { body: ["Invalid request body: a JSON object is expected"] });
  return body as Record<string, unknown>;
}

/** Refuses fields the panel does not know, so a provider bug shows here. */
function onlyFields(body: Record<string, unknown>, known: string[], shape: ErrorShape): void {
  const unknown = Object.keys(body).filter((k) => !known.includes(k));
  if (unknown.length > 0) throw validationError(shape, Object.fromEntries(unknown.map((k) => [k, [`Unknown field: ${k}`]])));
}

function check(errors: FieldErrors, shape: ErrorShape): void {
  if (Object.keys(errors).length > 0) throw validationError(shape, errors);
}

function findOwn(state: WisPanelState, ctx: Context): DatabaseRecord {
  const record = state.store.get(ctx.params[0]!);
  if (!record) throw new EmulatorError(404, "Database not found");
  if (ctx.principal.role !== "admin" && record.owner !== ctx.principal.username) throw new EmulatorError(403, "Access denied (not your database)");
  return record;
}

async function view(state: WisPanelState, r: DatabaseRecord) {
  const { password: _password, ...shown } = r;
  return { ...shown, size_kb: await state.mysql.sizeKb(r.name) };
}

async function create(state: WisPanelState, ctx: Context) {
  const { shape } = state;
  const body = objectBody(ctx, shape);
  onlyFields(body, ["name", "user", "password", "domain"], shape);
  const owner = ctx.principal.username;
  const errors: FieldErrors = {};
  const { name, user, password, domain } = body;
  if (typeof name !== "string" || name === "") errors.name = ["Database name is required"];
  else if (!IDENTIFIER.test(name)) errors.name = ["Invalid database name (only [a-zA-Z0-9_] allowed)"];
  else if (owner.length + 1 + name.length > 64) errors.name = ["Invalid database name (at most 64 characters with the owner prefix)"];
  if (typeof user !== "string" || user === "") errors.user = ["Database user is required"];
  else if (!IDENTIFIER.test(user)) errors.user = ["Invalid database user (only [a-zA-Z0-9_] allowed)"];
  else if (owner.length + 1 + user.length > 80) errors.user = ["Invalid database user (at most 80 characters with the owner prefix)"];
  if (typeof password !== "string" || password === "") errors.password = ["Password is required"];
  if (domain !== undefined && (typeof domain !== "string" || !DOMAIN.test(domain))) errors.domain = ["Invalid domain"];
  check(errors, shape);
  const fullName = `${owner}_${name as string}`;
  const fullUser = `${owner}_${user as string}`;
  if (state.store.has(fullName)) throw new EmulatorError(409, "Database already exists");
  if ([...state.store.values()].some((r) => r.user === fullUser)) throw new EmulatorError(409, "Database user already exists");
  const taken = await state.mysql.exists(fullName, fullUser);
  if (taken) throw new EmulatorError(409, taken);
  await state.mysql.create(fullName, fullUser, password as string);
  const record: DatabaseRecord = {
    id: fullName,
    name: fullName,
    user: fullUser,
    owner,
    domain: (domain as string | undefined) ?? "",
    remote_access: false,
    remote_host: "",
    created_at: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
    password: password as string,
  };
  state.store.set(fullName, record);
  return reply(201, { id: record.id, name: record.name, user: record.user, owner, created_at: record.created_at });
}

async function update(state: WisPanelState, ctx: Context) {
  const { shape } = state;
  const record = findOwn(state, ctx);
  const body = objectBody(ctx, shape);
  onlyFields(body, ["remote_access", "remote_host"], shape);
  const errors: FieldErrors = {};
  const access = body.remote_access ?? record.remote_access;
  const host = body.remote_host ?? record.remote_host;
  if (typeof access !== "boolean") errors.remote_access = ["remote_access must be true or false"];
  if (typeof host !== "string" || !HOST.test(host)) errors.remote_host = ["Invalid remote host"];
  else if (access === true && host === "") errors.remote_host = ["remote_host is required when remote_access is true"];
  check(errors, shape);
  await state.mysql.setRemote(record.name, record.user, record.password, access ? (host as string) : undefined);
  record.remote_access = access as boolean;
  record.remote_host = access ? (host as string) : "";
  return view(state, record);
}

async function resetPassword(state: WisPanelState, ctx: Context) {
  const record = findOwn(state, ctx);
  const body = objectBody(ctx, state.shape);
  onlyFields(body, ["password"], state.shape);
  if (typeof body.password !== "string" || body.password === "") throw validationError(state.shape, { password: ["Password is required"] });
  await state.mysql.setPassword(record.user, body.password);
  record.password = body.password;
  return { success: true, message: "Password updated successfully" };
}

async function remove(state: WisPanelState, ctx: Context) {
  const record = findOwn(state, ctx);
  await state.mysql.drop(record.name, record.user);
  state.store.delete(record.id);
  return { success: true, message: "Database deleted successfully" };
}

function phpMyAdmin(state: WisPanelState, ctx: Context) {
  const record = findOwn(state, ctx);
  const token = randomBytes(24).toString("hex");
  const login = { database: record.id, url: `http://localhost:8080/pma/?token=${token}`, token };
  state.logins.push(login);
  return { url: login.url, token };
}

export function databaseRoutes(state: WisPanelState): Route<WisPanelUser>[] {
  const visible = (user: WisPanelUser) => [...state.store.values()].filter((r) => user.role === "admin" || r.owner === user.username);
  return [
    { method: "GET", pattern: /^\/databases\/?$/, handle: async (ctx) => Promise.all(visible(ctx.principal).map((r) => view(state, r))) },
    { method: "POST", pattern: /^\/databases\/?$/, handle: (ctx) => create(state, ctx) },
    { method: "GET", pattern: /^\/databases\/([^/]+)$/, handle: (ctx) => view(state, findOwn(state, ctx)) },
    { method: "PUT", pattern: /^\/databases\/([^/]+)$/, handle: (ctx) => update(state, ctx) },
    { method: "DELETE", pattern: /^\/databases\/([^/]+)$/, handle: (ctx) => remove(state, ctx) },
    { method: "POST", pattern: /^\/databases\/([^/]+)\/reset-password$/, handle: (ctx) => resetPassword(state, ctx) },
    { method: "POST", pattern: /^\/databases\/([^/]+)\/phpmyadmin$/, handle: (ctx) => phpMyAdmin(state, ctx) },
  ];
}
