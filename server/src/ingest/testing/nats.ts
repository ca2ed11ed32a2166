/** The NATS server the transport's tests use, and whether one is there (without one they are skipped, not failed). */
import { Socket } from 'node:net';

export const NATS_TEST_URL = process.env.NATS_TEST_URL ?? 'nats://127.0.0.1:4222';

export async function natsReachable(): Promise<boolean> {
  const { hostname, port } = new URL(NATS_TEST_URL);
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(1_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.connect(Number(port || 4222), hostname);
  });
}
