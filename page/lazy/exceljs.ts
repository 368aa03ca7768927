/** Stand-in for `import ExcelJS from 'exceljs'` in the page's engine: the real library is evaluated on first use. */
import { heavy } from './heavy';

const ExcelJS = {
  get Workbook(): typeof import('exceljs').Workbook {
    return heavy().ExcelJS.Workbook;
  },
  get ValueType(): typeof import('exceljs').ValueType {
    return heavy().ExcelJS.ValueType;
  },
};
export default ExcelJS;
