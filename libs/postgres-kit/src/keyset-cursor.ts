import * as z from 'zod/mini';

/** A position in a list ordered by (created_at, id): the last item a page returned. */
export interface ListPosition {
  readonly createdAt: Date;
  readonly id: string;
}

// The cursor is opaque to clients; inside it is base64url(JSON [createdAt ISO, id]).
const positionSchema = z.tuple([z.iso.datetime(), z.uuid()]);

export function encodeCursor(position: ListPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString(
    'base64url',
  );
}

/** The position a cursor stands for, or undefined when it is not one this API issued. */
export function decodeCursor(cursor: string): ListPosition | undefined {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = positionSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const [createdAt, id] = parsed.data;
  return { createdAt: new Date(createdAt), id };
}
