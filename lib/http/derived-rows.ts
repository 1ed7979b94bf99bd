// A view the browser computed from rows it already holds, confirmed without sending the rows again. A sort
// click on 10,000 held rows is answered in the browser (lib/jobs/local-view.ts); the server's answer then
// only has to say that the browser's rows are its own. Sending them all again was 8 MB of JSON to inflate
// and parse on the page's thread, a 60-70 ms task in the middle of the click it answered. So the page
// names the view it derived from and that view's tag; when the tag is still the server's and the new view
// is one the held rows fully determine, the server answers with everything but the rows (its facets, its
// total, its tag) and says so. Here, apart from the server's code, because the browser reads it too.

/** Request header: the query of the held view the browser derived this one from. */
export const DERIVED_FROM_HEADER = "X-Derived-From";
/** Request header: the entity tag of that held view's answer. */
export const DERIVED_FROM_TAG_HEADER = "X-Derived-From-Tag";
/** Response header: the body is the view without its rows, which are the ones the browser derived. */
export const DERIVED_ROWS_HEADER = "X-Derived-Rows";
export const DERIVED_ROWS_CONFIRMED = "confirmed";
