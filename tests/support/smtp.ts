// A real SMTP server on loopback for the mail tests (npm smtp-server), keeping what it receives
// parsed (mailparser). `refuse` decides, per message, whether to answer with an SMTP error instead.
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import type { AddressInfo } from "node:net";

export interface LoopbackSmtp {
  url: string;
  port: number;
  received: ParsedMail[];
  /** Connections opened to it, refused or not. */
  connections: number;
  /** Per DATA command (1-based count): null accepts, a number refuses with that reply code. */
  refuse: (n: number) => number | null;
  close(): Promise<void>;
}

export async function startLoopbackSmtp(options: { onMessage?: (raw: Buffer) => void } = {}): Promise<LoopbackSmtp> {
  let dataCommands = 0;
  const state: LoopbackSmtp = {
    url: "",
    port: 0,
    received: [],
    connections: 0,
    refuse: () => null,
    close: async () => {},
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onConnect(_session, callback) {
      state.connections++;
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const code = state.refuse(++dataCommands);
        if (code !== null) {
          const err = Object.assign(new Error(code >= 500 ? "Mailbox unavailable" : "Try again later"), {
            responseCode: code,
          });
          callback(err);
          return;
        }
        const raw = Buffer.concat(chunks);
        options.onMessage?.(raw);
        simpleParser(raw)
          .then((parsed) => {
            state.received.push(parsed);
            callback();
          })
          .catch((err: Error) => callback(err));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.port = (server.server.address() as AddressInfo).port;
  state.url = `smtp://127.0.0.1:${state.port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
