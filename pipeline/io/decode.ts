/** Re-export: text decoding lives in readers/ (Node-free); kept so existing imports still resolve. */
export * from '../../readers/decode';
