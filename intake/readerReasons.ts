/** The reasons of E_UNREADABLE, in both languages (readerReasons.json): a module of its own, with no reader behind it, so the CLI's messages (and `--help`) load none. */
import type { Text2 } from '../core/types';
import type { UnreadableReason } from '../readers/types';
import reasons from './readerReasons.json';

/** Why a file could not be opened at all, before any reader saw it (the CLI's file access). */
export type FileReason = 'io' | 'not-file';

/** The file access's own failure, as the readers give theirs (readBytes.failureFinding makes both findings). */
export interface FileFailure {
  code: 'E_UNREADABLE';
  reason: FileReason;
}

/** Why a file is unreadable, in both languages (the `reason` of E_UNREADABLE). */
export const READER_REASONS: Record<UnreadableReason | FileReason, Text2> = reasons;
