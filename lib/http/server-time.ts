// The server's clock when it answered, in epoch ms, on every answer of a polled view including a 304: a
// wall measures the age of what it shows on it, not on a TV's clock that may be minutes off. A header, not
// a field of the body, so that the body (and its entity tag) stays the same while the answer does. Here,
// apart from the server's code, because the browser reads it too.
export const SERVER_TIME_HEADER = "X-Server-Time";
