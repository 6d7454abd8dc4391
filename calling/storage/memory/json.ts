// Values are kept as JSON text, as the SQL store keeps them: what a caller changes after a write does not
// change what is stored, and what a read returns is the caller's own copy.

/** The JSON text of a value (undefined is kept as null, as the SQL store's columns keep it). */
export const toText = (value: unknown): string => JSON.stringify(value ?? null);

export const fromText = <T = unknown>(text: string): T => JSON.parse(text) as T;

/** Text for a column that keeps null (and undefined) as no text at all. */
export const toNullableText = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);

export const fromNullableText = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/** A copy through JSON, for rows kept as objects. */
export const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
