export interface Task {
  id: string;
  title: string;
  notes: string;
  dueAt: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  contactId: string | null;
  contactName: string | null;
  companyId: string | null;
  companyName: string | null;
  done: boolean;
  doneAt: string | null;
}

export interface TaskInput {
  title: string;
  notes?: string;
  dueAt?: string | null;
  assigneeId?: string | null;
  contactId?: string;
  companyId?: string;
}

export interface TaskPatch {
  title?: string;
  notes?: string;
  dueAt?: string | null;
  assigneeId?: string | null;
  done?: boolean;
}
