// A body compressed once per answer version, asked for by the dashboard's own pages. Next 16 compresses
// every route handler's answer itself, per request, and drops a handler's own Content-Encoding (its
// send-response.js, "the body may have been transparently decoded"): under a hundred pollers that
// compression was the largest cost per request (1.7 ms of 3.2 for 100 rows, 80 ms for 10,000). So a page
// that says it reads gzip here gets the gzip made once, as an opaque `application/gzip` body that Next and
// proxies leave alone (`no-transform`), and decompresses it itself (DecompressionStream). Every other
// client gets plain JSON, compressed by Next as before. Here, apart from the server's code, because the
// browser reads it too.

/** Request header: the client can read a gzip body of JSON. Response header: this body is one. */
export const BODY_ENCODING_HEADER = "X-Body-Encoding";
export const GZIP = "gzip";
export const GZIP_CONTENT_TYPE = "application/gzip";
