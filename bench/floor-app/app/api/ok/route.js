// The floor: the least a Next route handler can do. The server bench measures every endpoint of the
// dashboard against this one route, in the same run on the same machine, so its figures say what the
// dashboard adds beyond Next's own handling of a request.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true });
}
