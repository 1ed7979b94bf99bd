// The subclient inventory: GET Client for the clients, then GET Subclient?clientId= for each (a few at a
// time), read into InventorySubclient records. Coverage needs it to see subclients that never produced a
// job; where the CommCell will not give it to this identity, coverage falls back to the jobs alone and says
// so, rather than failing.

import "server-only";
import { mapLimit } from "@/lib/async/map-limit";
import type { InventorySubclient } from "@/lib/jobs/coverage";
import { toNumber, toText } from "./coerce";
import { reportedError } from "./error-body";
import { CommCellError, isCommCellError } from "./errors";
import { authenticatedRequest, type UpstreamSession } from "./session";

const CONCURRENCY = 4;
/** More clients than this is not a CommCell this reader was built for: it stops rather than flood it. */
const MAX_CLIENTS = 20_000;

type Raw = Record<string, unknown>;
const object = (value: unknown): Raw =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Raw) : {};
const list = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

function parse(body: string, what: string): Raw {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new CommCellError("parse", `The CommCell's answer to ${what} was not JSON: ${body.slice(0, 120)}`);
  }
  return object(value);
}

export function readClients(body: string): { id: number; name: string }[] {
  const answer = parse(body, "GET Client");
  if (!("clientProperties" in answer))
    throw reportedError(answer) ?? new CommCellError("parse", "GET Client has no clientProperties.");
  return list(answer.clientProperties).flatMap((item) => {
    const entity = object(object(object(item).client).clientEntity);
    const id = toNumber(entity.clientId);
    const name = toText(entity.clientName);
    return id !== null && name !== null ? [{ id, name }] : [];
  });
}

export function readSubclients(body: string): InventorySubclient[] {
  const answer = parse(body, "GET Subclient");
  if (!("subClientProperties" in answer)) {
    const error = reportedError(answer);
    if (error) throw error;
    return []; // A client without subclients answers an empty object on some versions.
  }
  return list(answer.subClientProperties).flatMap((item) => {
    const entity = object(object(item).subClientEntity);
    const common = object(object(item).commonProperties);
    const id = toNumber(entity.subclientId);
    const clientId = toNumber(entity.clientId);
    if (id === null || clientId === null) return [];
    const last = toNumber(common.lastBackupTime);
    return [
      {
        id,
        name: toText(entity.subclientName) ?? String(id),
        clientId,
        clientName: toText(entity.clientName) ?? String(clientId),
        agent: toText(entity.appName),
        // Absent means enabled: only an explicit false leaves a subclient out.
        backupEnabled: common.enableBackup !== false && common.enableBackup !== "false",
        lastBackupTime: last !== null && last > 0 ? last * 1000 : null,
      },
    ];
  });
}

/** How a failed inventory's reason begins; the failure's words follow, as each reader may see them. */
export const INVENTORY_FAILED = "the CommCell did not give the subclient inventory";

export type Inventory =
  | { readonly kind: "commcell"; readonly subclients: readonly InventorySubclient[] }
  | {
      readonly kind: "jobs-only";
      readonly reason: string;
      /** Why, when the CommCell failed: its error, for whoever may read its words (see seenBy). */
      readonly failure?: CommCellError;
    };

const JSON_ACCEPT = { headers: { Accept: "application/json" } };

export async function fetchInventory(session: UpstreamSession): Promise<Inventory> {
  try {
    const clients = readClients((await authenticatedRequest(session, "Client", JSON_ACCEPT)).body);
    if (clients.length > MAX_CLIENTS)
      return {
        kind: "jobs-only",
        reason: `the CommCell lists ${clients.length} clients, more than ${MAX_CLIENTS}`,
      };
    const lists = await mapLimit(clients, CONCURRENCY, async (client) => {
      const answer = await authenticatedRequest(session, `Subclient?clientId=${client.id}`, JSON_ACCEPT);
      return readSubclients(answer.body);
    });
    const subclients = lists.flat();
    return {
      kind: "commcell",
      subclients: subclients.sort((a, b) => a.clientId - b.clientId || a.id - b.id),
    };
  } catch (error) {
    // A refused token ends the session as anywhere else; any other failure leaves coverage to the jobs.
    if (isCommCellError(error) && error.kind !== "auth")
      return {
        kind: "jobs-only",
        reason: `${INVENTORY_FAILED}: ${error.message}`,
        failure: error,
      };
    throw error;
  }
}
