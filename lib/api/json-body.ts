// A request body read as JSON and checked against its schema, with its size capped before anything is
// parsed. Every failure is a 4xx that says what was wrong.

import type { z } from "zod";
import { readCappedText } from "@/lib/http/read-capped";
import { ApiError } from "./api-error";

export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  maxBytes: number,
): Promise<z.infer<S>> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    throw new ApiError(
      415,
      "unsupported_media_type",
      "Send the body as JSON (Content-Type: application/json).",
    );
  }
  const text = await readCappedText(request.headers, request.body, maxBytes, () => tooLarge(maxBytes));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_body", "The body is not valid JSON.");
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = issue?.path.map(String).join(".") || undefined;
    throw new ApiError(
      400,
      "invalid_parameter",
      issue?.message ?? "The body is not what was expected.",
      param,
    );
  }
  return parsed.data;
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError(413, "body_too_large", `The body is larger than ${maxBytes} bytes.`);
}
