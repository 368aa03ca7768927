/** Selects a finding's cell (activating its sheet), so clicking a finding in the pane shows it. */

/** Activates the sheet and selects `address` there; one sync. */
export async function selectCell(
  context: Excel.RequestContext,
  sheetKey: string,
  address: string,
): Promise<void> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(sheetKey);
  await context.sync();
  if (sheet.isNullObject) return;
  sheet.activate();
  sheet.getRange(address).select();
  await context.sync();
}
