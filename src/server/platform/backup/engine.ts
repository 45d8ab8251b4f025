// One database's way of being dumped and restored. The caller wraps the plaintext in the
// encrypted container and verifies a backup completely before any engine touches a target.
import type { Readable, Writable } from 'node:stream';
import type { BackupHeader } from './container.ts';

export interface BackupEngine {
  content: BackupHeader['content'];
  /** Whether the plaintext is worth compressing (pg_dump's custom format is compressed already). */
  compression: BackupHeader['compression'];
  /** The dump program and its version, checked against the server (pg_dump must not be older). */
  describeTool(): Promise<string>;
  /** Writes one consistent snapshot of the whole database into `output`. */
  dump(output: Writable): Promise<void>;
  /** A name for the target as an operator knows it (never with a password). */
  target: string;
  /** True when the target has no tables. */
  isEmpty(): Promise<boolean>;
  /** Removes every table, view and function from the target (restore --force); may answer a note for the operator. */
  clear(): Promise<string | void>;
  /** Loads a verified plaintext dump into the empty target. */
  restore(input: Readable): Promise<void>;
}
