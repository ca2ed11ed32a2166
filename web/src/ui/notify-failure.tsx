/**
 * Tells a failed action that has no place of its own on the page (a checkbox in a list, a menu
 * item, a download) in a notification, in words and with its reference. It stays until dismissed,
 * as a failure may need reading twice and its reference copying.
 */
import { notifications } from '@mantine/notifications';
import { FailureMessage } from './FailureMessage';

export function notifyFailure(title: string, error: unknown) {
  notifications.show({ color: 'red', title, message: <FailureMessage error={error} />, autoClose: false });
}
