import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Returns what closes `server` gracefully: no new connections, requests in flight finish and
 * their connections then end, and after `graceMs` whatever is still open is cut.
 */
export function drainable(server: Server): (graceMs: number) => Promise<void> {
  const inFlight = new Map<Socket, number>();
  let draining = false;
  server.on('connection', (socket: Socket) => {
    inFlight.set(socket, 0);
    socket.once('close', () => inFlight.delete(socket));
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    res.once('finish', () => {
      if (!inFlight.has(socket)) return;
      const left = inFlight.get(socket)! - 1;
      inFlight.set(socket, left);
      // A kept-alive connection would hold the server open after its last answer.
      if (draining && left === 0) socket.end();
    });
  });
  return async (graceMs) => {
    draining = true;
    // Resolves once every connection has ended; an error only means it was not listening.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const [socket, requests] of inFlight) if (requests === 0) socket.end();
    const cut = setTimeout(() => {
      for (const socket of inFlight.keys()) socket.destroy();
    }, graceMs);
    await closed;
    clearTimeout(cut);
  };
}
