export interface Team {
  id: string;
  name: string;
  memberIds: string[];
  createdAt: string;
}
