/** The write batch of an adapter runs with events off; a failed batch must not leave them off. */

/**
 * Syncs a batch that set `enableEvents = false` (and queued it back to `eventsWereOn` at its end).
 * If the batch fails part-way, the re-enable never ran: do it in one more sync, then rethrow.
 */
export async function syncRestoringEvents(
  context: Excel.RequestContext,
  eventsWereOn: boolean,
): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    context.runtime.enableEvents = eventsWereOn;
    await context.sync();
    throw error;
  }
}
