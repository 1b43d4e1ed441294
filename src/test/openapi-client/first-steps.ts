// The README's "First steps", call by call, through a client generated from roomgate's own
// /q/openapi (openapi-typescript → roomgate-api.d.ts, openapi-fetch). tsc checks every path,
// parameter and body below against the generated types before this runs.
// Prints one JSON object: the requests it sent and what each step returned.
import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./roomgate-api.js";

const baseUrl = required("ROOMGATE_URL");
const opsKey = required("ROOMGATE_OPS_KEY");
const wipeWaitMillis = Number(process.env.ROOMGATE_WIPE_WAIT_MS ?? "20000");

type Sent = { method: string; path: string; body: unknown };
const sent: Sent[] = [];
const recordRequests: Middleware = {
  async onRequest({ request }) {
    const text = request.body === null ? "" : await request.clone().text();
    sent.push({ method: request.method, path: new URL(request.url).pathname, body: text === "" ? null : JSON.parse(text) });
    return request;
  },
};

function as(credential: string, recorded = true) {
  const client = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${credential}` } });
  if (recorded) {
    client.use(recordRequests);
  }
  return client;
}

/** The answer's body, or an error naming the step, the status and the problem. */
function expect<T>(step: string, status: number, answer: { data?: T; error?: unknown; response: Response }): T {
  if (answer.response.status !== status || answer.data === undefined) {
    throw new Error(`${step}: ${answer.response.status}, expected ${status}: ${JSON.stringify(answer.error)}`);
  }
  return answer.data;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

const ops = as(opsKey);
const tenant = expect("create tenant", 201, await ops.POST("/api/v1/tenants", {
  body: { id: "kastellschule", name: "Kastellschule Oberhausen" },
}));
const created = expect("create platform key", 201, await ops.POST("/api/v1/tenants/{tenantId}/api-keys", {
  params: { path: { tenantId: "kastellschule" } },
  body: { role: "platform", label: "IServ" },
}));
const platform = as(created.key!);

const policy = expect("publish policy", 200, await platform.PUT("/api/v1/policy", {
  body: { version: "2020-11-19", title: "Nutzungsordnung Videokonferenzen", reconsentRequired: true },
}));
const consent = expect("grant consent", 200, await platform.PUT("/api/v1/subjects/{subjectId}/consent", {
  params: { path: { subjectId: "p-4711" } },
  body: {
    policyVersion: "2020-11-19",
    grantedBy: { name: "Erika Mustermann", relation: "GUARDIAN" },
    scopes: ["AUDIO", "VIDEO", "CHAT"],
    purposes: ["LESSON"],
  },
}));
const room = expect("create room", 201, await platform.POST("/api/v1/rooms", {
  body: { name: "Klasse 3b Mathematik", purpose: "LESSON" },
}));
const roomId = room.id!;
const joined = expect("join", 200, await platform.POST("/api/v1/rooms/{roomId}/join", {
  params: { path: { roomId } },
  body: { subjectId: "p-4711", displayName: "Max M.", role: "PUPIL" },
}));

const pupil = as(joined.token!);
const chat = expect("post chat", 201, await pupil.POST("/api/v1/rooms/{roomId}/chat", {
  params: { path: { roomId } },
  body: { text: "Guten Morgen!" },
}));
const closed = expect("close", 200, await platform.POST("/api/v1/rooms/{roomId}/close", {
  params: { path: { roomId } },
}));

// The README sleeps past one wipe interval; here an unrecorded client asks until the wipe is done,
// then the README's call reads the receipt.
const watcher = as(created.key!, false);
for (const deadline = Date.now() + wipeWaitMillis; Date.now() < deadline;) {
  const { data } = await watcher.GET("/api/v1/rooms/{roomId}/wipe-receipt", { params: { path: { roomId } } });
  if (data?.wipedAt) {
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 250));
}
const receipt = expect("wipe receipt", 200, await platform.GET("/api/v1/rooms/{roomId}/wipe-receipt", {
  params: { path: { roomId } },
}));

console.log(JSON.stringify({
  requests: sent,
  roomId,
  tenant,
  key: { role: created.role, length: created.key!.length },
  policy,
  consent,
  room,
  join: { capabilities: joined.capabilities, expiresAt: joined.expiresAt, tokenLength: joined.token!.length },
  chat,
  closed,
  receipt,
}));
