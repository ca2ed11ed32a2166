/** What to call an identity: its display name, else its handle or e-mail, never blank. */
export function identityName(identity: { displayName: string | null; handle: string | null; email: string | null }): string {
  return identity.displayName?.trim() || identity.handle || identity.email || 'Unnamed identity';
}
