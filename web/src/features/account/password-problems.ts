/** What is wrong with a password change before it is sent, by field; the server checks again. */
export const MIN_PASSWORD_LENGTH = 10;

export function passwordProblems(form: { currentPassword: string; newPassword: string; repeated: string }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!form.currentPassword) problems.currentPassword = 'Enter your current password';
  if (form.newPassword.length < MIN_PASSWORD_LENGTH) problems.newPassword = `Use at least ${MIN_PASSWORD_LENGTH} characters`;
  else if (form.newPassword === form.currentPassword) problems.newPassword = 'Choose a password other than your current one';
  if (form.repeated !== form.newPassword) problems.repeated = 'The two new passwords differ';
  return problems;
}
