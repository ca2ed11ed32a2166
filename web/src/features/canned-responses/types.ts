/** A reply template; "/shortcut" in the composer inserts it, with its variables filled in. */
export interface CannedResponse {
  id: string;
  name: string;
  shortcut: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export type CannedResponseInput = Pick<CannedResponse, 'name' | 'shortcut' | 'body'>;

/** The server's rule for shortcuts: lower-case letters, digits, "_" and "-", at most 40. */
export const SHORTCUT_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;
