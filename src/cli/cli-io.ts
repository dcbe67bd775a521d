/** Output channels, so tests and other callers can run the CLI in-process too. */
export type CliIo = { out: (data: string | Uint8Array) => void; err: (text: string) => void };

export const processIo: CliIo = {
  out: (data) => process.stdout.write(data),
  err: (text) => process.stderr.write(text),
};
