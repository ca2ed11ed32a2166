export interface Account {
  id: string;
  email: string;
  name: string;
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}
