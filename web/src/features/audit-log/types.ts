/** One change as the audit log API returns it (mirrors the server's AuditEntry). */
export interface AuditEntry {
  id: number;
  type: string;
  subjectType: string;
  subjectId: string;
  actorId: string | null;
  actorName: string | null;
  data: Record<string, unknown>;
  occurredAt: string;
}

export interface AuditFilters {
  subjectType?: string;
}
