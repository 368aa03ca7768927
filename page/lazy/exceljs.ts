/** Stand-in for `import ExcelJS from 'exceljs'` in the page's engine: the real library is evaluated on first use. */
import type * as ExcelJSModule from 'exceljs';
import { heavy } from './heavy';

const ExcelJS = {
  get Workbook(): typeof ExcelJSModule.Workbook {
    return heavy().ExcelJS.Workbook;
  },
  get ValueType(): typeof ExcelJSModule.ValueType {
    return heavy().ExcelJS.ValueType;
  },
};
export default ExcelJS;
