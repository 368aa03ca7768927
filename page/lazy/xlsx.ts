/** Stand-in for `import * as XLSX from '@e965/xlsx'` in the page's engine: SheetJS is evaluated on first use. */
import type * as SheetJS from '@e965/xlsx';
import { heavy } from './heavy';

export const read: typeof SheetJS.read = (data, options) => heavy().XLSX.read(data, options);

/** The members the readers use, looked up on the real library when called. */
export const utils = {
  decode_range: (range: string): ReturnType<typeof SheetJS.utils.decode_range> =>
    heavy().XLSX.utils.decode_range(range),
};

/** SheetJS's CFB container reader, looked up member by member on first use. */
export const CFB: unknown = new Proxy(
  {},
  {
    get: (_target, key) => {
      const real = heavy().XLSX.CFB as unknown as Record<string | symbol, unknown>;
      const value = real[key];
      return typeof value === 'function' ? (value as () => unknown).bind(real) : value;
    },
  },
);
