/** Bundled for the views test: the pane's views on `window.__views`, no Office, no Excel. */
import { bindControls, renderStaticTexts } from '../../../addin/taskpane/views/controls';
import { textsOf } from '../../../addin/taskpane/views/dom';
import {
  applyFilter,
  renderFindings,
  tickedKeys,
} from '../../../addin/taskpane/views/findingsList';
import { renderFixDialog } from '../../../addin/taskpane/views/fixDialog';
import { renderRegistryPicker } from '../../../addin/taskpane/views/registryPicker';
import { renderBusy, renderStatus } from '../../../addin/taskpane/views/status';
import { renderTotals } from '../../../addin/taskpane/views/totalsPanel';

const views = {
  applyFilter,
  bindControls,
  renderBusy,
  renderStaticTexts,
  renderStatus,
  renderFindings,
  renderFixDialog,
  renderTotals,
  renderRegistryPicker,
  textsOf,
  tickedKeys,
};
(window as unknown as { __views: typeof views }).__views = views;
export type Views = typeof views;
