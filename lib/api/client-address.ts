// The address a request came from, for slowing down sign-in guesses. Behind a reverse proxy that is the
// first X-Forwarded-For entry; the proxy must set it (and strip what clients send) for this to hold.

export function clientAddress(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip") || "direct";
}
