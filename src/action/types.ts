/** The slice of @actions/core the action uses, handed in so tests need no module mocks. */
export interface ActionCore {
  getInput(name: string, options?: { required?: boolean; trimWhitespace?: boolean }): string;
  setOutput(name: string, value: unknown): void;
  setFailed(message: string | Error): void;
  setSecret(secret: string): void;
  debug(message: string): void;
  info(message: string): void;
  warning(message: string | Error, properties?: AnnotationProperties): void;
  error(message: string | Error, properties?: AnnotationProperties): void;
  /** A notice annotation (absent in older fakes: info is used instead). */
  notice?(message: string): void;
  isDebug(): boolean;
  summary: {
    addRaw(text: string, addEOL?: boolean): unknown;
    write(options?: { overwrite?: boolean }): Promise<unknown>;
  };
}

/** Where an annotation points, as @actions/core's AnnotationProperties. */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

import type { Environment } from '../model/context.js';
export type { Environment };
