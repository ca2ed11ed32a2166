/** What the reviewer just decided, shown above the queue with a way to the contact it concerns. */
export interface ReviewOutcome {
  message: string;
  contact: { id: string; name: string } | null;
}
