// What someone not signed in may learn, against a dashboard on a CommCell of its own (not the demo): no
// page names where the CommCell is, and a failure is told by its kind, not in the CommCell's words, which
// a signed-in user still reads.

import { expect, test } from "@playwright/test";
import { type Cluster, startCluster } from "./cluster";
import { signInByApi } from "./sign-in";

test.describe.configure({ mode: "serial" });

let cluster: Cluster;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  cluster = await startCluster({ ports: [3124], shared: false, jobs: 2_000 });
});
test.afterAll(async () => {
  await cluster?.stop();
});

test("no page names the CommCell's host to someone not signed in; a signed-in user sees it", async () => {
  const [origin] = cluster.origins as [string];
  const host = new URL(cluster.simulator.url).host;
  for (const path of ["/login", "/", "/jobs", "/coverage"]) {
    const page = await fetch(`${origin}${path}`);
    expect(page.status, path).toBe(200);
    expect(await page.text(), path).not.toContain(host);
  }
  const cookie = await signInByApi(origin, "admin");
  expect(await (await fetch(`${origin}/jobs`, { headers: { Cookie: cookie } })).text()).toContain(host);
});

test("a CommCell failure reaches someone not signed in as its kind alone, a signed-in user in its words", async () => {
  const [origin] = cluster.origins as [string];
  const cookie = await signInByApi(origin, "admin");
  cluster.simulator.setFaults({ body: "errlist" });
  try {
    // Views nobody has asked for yet: no answer is held to serve in their place.
    const stranger = await fetch(`${origin}/api/jobs?type=all&window=5h`);
    expect(stranger.status).toBe(502);
    expect((await stranger.json()).error).toEqual({
      code: "commcell_upstream",
      message: "The CommCell reported an error.",
    });
    const user = await fetch(`${origin}/api/jobs?type=all&window=6h`, { headers: { Cookie: cookie } });
    expect(user.status).toBe(502);
    expect((await user.json()).error.message).toContain("Job Manager service is not responding");
  } finally {
    cluster.simulator.setFaults({ body: "none" });
  }
});
