/** Re-export: the CSV reader lives in readers/ (Node-free); kept so existing imports still resolve. */
export * from '../../readers/readCsv';
