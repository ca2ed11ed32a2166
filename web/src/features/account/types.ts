export interface Account {
  id: string;
  email: string;
  name: string;
  /** Live sessions of the person besides this one, in every workspace. */
  otherSessions: number;
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}
