/** Expected failures are returned as values; unexpected ones are thrown and logged. */
export type ErrorCode = "VALIDATION" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "INVALID_STATE" | "UNAVAILABLE";

export type FieldErrors = Record<string, string[] | undefined>;

export type Ok<T> = { ok: true; data: T };
export type Fail = { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors; current?: unknown };
export type Result<T> = Ok<T> | Fail;

export const ok = <T>(data: T): Ok<T> => ({ ok: true, data });

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fieldErrors?: FieldErrors; current?: unknown } = {},
  ) {
    super(message);
  }
  toResult(): Fail {
    return { ok: false, code: this.code, message: this.message, ...this.details };
  }
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

/** Maps the database errors we expect (unique, foreign key, check) to AppErrors; others pass. */
export function fromDatabaseError(error: unknown): AppError | null {
  if (typeof error !== "object" || error === null) return null;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : "";
  if (code === "P2002") return new AppError("CONFLICT", "A record with these details already exists.");
  if (code === "P2025") return new AppError("NOT_FOUND", "The record no longer exists.");
  if (code === "P2003") return new AppError("VALIDATION", "A referenced record does not exist.");
  if (message.includes("four-eyes rule") && message.includes("since its last publication")) {
    return new AppError("FORBIDDEN", "Four-eyes rule: you changed this published claim, so another editor must approve the amendment.");
  }
  if (message.includes("four-eyes rule")) {
    return new AppError("FORBIDDEN", "Four-eyes rule: you cannot approve a verdict you wrote or edited.");
  }
  if (message.includes("changed after its approval") || message.includes("differs from the content approved")) {
    return new AppError("CONFLICT", "The claim or its evidence changed after the approval, so it was not published. It needs a fresh review.");
  }
  if (message.includes("violates check constraint") || code === "P2004") {
    return new AppError("VALIDATION", "The database refused a value that breaks one of its rules.");
  }
  return null;
}
