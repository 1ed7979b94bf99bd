// Three `next start` instances, one Redis (Debian's redis-server on loopback), one simulator: viewers spread
// over the instances cost the CommCell what one instance's viewers cost; the service account signs in once;
// sessions and sign-outs, and wrong passwords, count across instances; Redis stopped under load fails no
// viewer, and sharing comes back with it.

import { expect, test } from "@playwright/test";
import { type Cluster, poll, startCluster } from "./cluster";
import { signInByApi } from "./sign-in";

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

let cluster: Cluster;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  cluster = await startCluster({ ports: [3120, 3121, 3122] });
});
test.afterAll(async () => {
  await cluster?.stop();
});

const pagesOf = async () => (await cluster.simulatorState()).requests["GET Job"] ?? 0;

test("viewers spread over three instances cost the CommCell what one instance's viewers cost", async () => {
  const [first] = cluster.origins;
  const before = await pagesOf();
  const alone = await poll([first as string], "/api/jobs?type=all&window=168h&pageSize=50", 30, 200, 12_000);
  const one = (await pagesOf()) - before;
  const middle = await pagesOf();
  const spread = await poll(cluster.origins, "/api/jobs?type=all&window=169h&pageSize=50", 30, 200, 12_000);
  const three = (await pagesOf()) - middle;
  expect([...alone.statuses.keys()]).toEqual([200]);
  expect([...spread.statuses.keys()]).toEqual([200]);
  // Alone, three instances would each fetch the view and refresh it every TTL: about three times as much.
  expect(three).toBeLessThanOrEqual(Math.ceil(one * 1.5));
  test
    .info()
    .annotations.push({ type: "upstream pages", description: `one instance ${one}, three ${three}` });
});

test("the service account signed in once for all three instances", async () => {
  expect((await cluster.simulatorState()).logins).toBe(1);
});

test("a sign-in on one instance is valid on the others, and a sign-out on one ends it everywhere", async () => {
  const [a, b, c] = cluster.origins as [string, string, string];
  const cookie = await signInByApi(a, "admin");
  const who = await (await fetch(`${b}/api/session`, { headers: { Cookie: cookie } })).json();
  expect(who.user?.name).toBe("admin");
  const signOut = await fetch(`${c}/api/session`, {
    method: "DELETE",
    headers: { Cookie: cookie, Origin: c },
  });
  expect(signOut.status).toBeLessThan(300);
  // The copied cookie is refused on the instances that did not see the sign-out.
  await expect
    .poll(
      async () => (await fetch(`${a}/api/jobs?type=all&window=24h`, { headers: { Cookie: cookie } })).status,
    )
    .toBe(401);
  expect((await fetch(`${b}/api/jobs?type=all&window=24h`, { headers: { Cookie: cookie } })).status).toBe(
    401,
  );
  // And asked who is signed in, each instance says nobody, and clears the copy, instead of naming admin.
  for (const origin of [a, b]) {
    const answer = await fetch(`${origin}/api/session`, { headers: { Cookie: cookie } });
    expect((await answer.json()).user).toBeNull();
    expect(answer.headers.get("set-cookie") ?? "").toContain("cjm_session=;");
  }
});

test("wrong passwords spread over the instances are counted together", async () => {
  const attempt = (origin: string) =>
    fetch(`${origin}/api/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: origin },
      body: JSON.stringify({ username: "operator", password: "wrong" }),
    });
  const [a, b, c] = cluster.origins as [string, string, string];
  for (const origin of [a, b, c, a]) expect((await attempt(origin)).status).toBe(401);
  const blocked = await attempt(b);
  expect(blocked.status).toBe(429);
  expect((await blocked.json()).error.message).toContain("Too many failed sign-ins");
});

test("Redis stopped for 15 s under load fails no viewer request, and sharing resumes after", async () => {
  // Health says whether sharing is on to a signed-in person only (a stranger learns up or down).
  const [signInAt] = cluster.origins as [string];
  const cookie = await signInByApi(signInAt, "admin");
  const sharing = async (origin: string) =>
    (await (await fetch(`${origin}/api/health`, { headers: { Cookie: cookie } })).json()).sharing;
  const load = poll(cluster.origins, "/api/jobs?type=all&window=24h&pageSize=50", 15, 250, 24_000);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  await cluster.redis.stop();
  const [first] = cluster.origins;
  await expect.poll(() => sharing(first as string), { timeout: 10_000 }).toBe("down");
  await new Promise((resolve) => setTimeout(resolve, 15_000));
  await cluster.redis.resume();
  const { statuses } = await load;
  expect([...statuses.keys()]).toEqual([200]);
  for (const origin of cluster.origins)
    await expect.poll(() => sharing(origin), { timeout: 20_000 }).toBe("on");
});
