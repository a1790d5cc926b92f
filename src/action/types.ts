/** The slice of @actions/core the action uses, handed in so tests need no module mocks. */
export interface ActionCore {
  getInput(name: string, options?: { required?: boolean; trimWhitespace?: boolean }): string;
  setOutput(name: string, value: unknown): void;
  setFailed(message: string | Error): void;
  setSecret(secret: string): void;
  debug(message: string): void;
  info(message: string): void;
  warning(message: string | Error): void;
  error(message: string | Error): void;
  /** A notice annotation (absent in older fakes: info is used instead). */
  notice?(message: string): void;
  isDebug(): boolean;
  summary: {
    addRaw(text: string, addEOL?: boolean): unknown;
    write(options?: { overwrite?: boolean }): Promise<unknown>;
  };
}

export type Environment = Record<string, string | undefined>;
