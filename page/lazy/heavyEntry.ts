/** The heavy bundle's entry: exceljs and the parts of SheetJS the readers use, on a global the stand-ins read (page/lazy/heavy.ts). */
import ExcelJS from 'exceljs';
import * as SheetJS from '@e965/xlsx';
import type { Heavy } from './heavy';

const XLSX = {
  CFB: SheetJS.CFB as unknown,
  read: SheetJS.read,
  utils: SheetJS.utils,
} as unknown as Heavy['XLSX'];
(globalThis as unknown as { CountyRollupHeavy: Heavy }).CountyRollupHeavy = { ExcelJS, XLSX };
