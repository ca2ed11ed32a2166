export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  subjectType: string | null;
  subjectId: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationList {
  data: Notification[];
  unread: number;
}
