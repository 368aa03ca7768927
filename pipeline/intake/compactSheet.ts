/** Moved to intake/ (Node-free, shared with the offline check page); re-exported for pipeline/ callers. */
export * from '../../intake/compactSheet';
