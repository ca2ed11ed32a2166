/**
 * The server's job backlog, read from its Prometheus metrics: lets a suite wait until the work one
 * load phase queued (scoring, key sync) is done before it measures the next.
 */
export type Backlog = Map<string, { due: number; scheduled: number }>;

export async function readBacklog(baseUrl: string): Promise<Backlog> {
  const body = await (await fetch(`${baseUrl}/metrics`)).text();
  const backlog: Backlog = new Map();
  for (const match of body.matchAll(/^rapport_jobs_queued\{name="([^"]+)",state="(due|scheduled)"\} (\S+)$/gm)) {
    const entry = backlog.get(match[1]!) ?? { due: 0, scheduled: 0 };
    entry[match[2] as 'due' | 'scheduled'] = Number(match[3]);
    backlog.set(match[1]!, entry);
  }
  return backlog;
}

/**
 * Waits until no job is due and no job is scheduled beyond what `before` had scheduled (recurring
 * jobs always have their next run queued); returns the seconds waited, or null at the time limit.
 */
export async function waitForBacklog(baseUrl: string, before: Backlog, limitSeconds: number): Promise<number | null> {
  const started = performance.now();
  for (;;) {
    const now = await readBacklog(baseUrl);
    const busy = [...now].some(([name, { due, scheduled }]) => due > 0 || scheduled > (before.get(name)?.scheduled ?? 0));
    const seconds = (performance.now() - started) / 1000;
    if (!busy) return seconds;
    if (seconds > limitSeconds) return null;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
